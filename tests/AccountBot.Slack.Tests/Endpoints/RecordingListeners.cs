using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Routing;

namespace AccountBot.Slack.Tests.Endpoints;

/// <summary>
/// One listener of every kind (command, action, submission, options, mention), each noting "kind team/user" when it
/// runs: access tests assert that a refused request reaches none of them, and an allowed one reaches its own.
/// </summary>
internal sealed class RecordingListeners
{
    private readonly List<string> _calls = [];

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
                return [.. _calls];
        }
    }

    public SlackListenerRegistry Register(SlackListenerRegistry app) => app
        .Command("/map", (command, _, _) =>
        {
            Record("command", command.TeamId, command.UserId);
            return Task.FromResult<SlackMessage?>(new SlackMessage("map") { ResponseType = ResponseType.InChannel });
        })
        .ActionPrefix("cmd:", (payload, _, _, _) =>
        {
            Record("action", payload.Team?.Id, payload.User.Id);
            return Task.CompletedTask;
        })
        .ViewSubmission("stakeholder-form", (payload, _, _) =>
        {
            Record("submit", payload.Team?.Id, payload.User.Id);
            return Task.FromResult<ViewSubmissionResponse?>(null);
        })
        .Options("reportsTo", (payload, _, _) =>
        {
            Record("options", payload.Team?.Id, payload.User.Id);
            return Task.FromResult(new OptionsResponse([new Option("Jane", "jane")]));
        })
        .Event(SlackEventTypes.AppMention, (envelope, _, _) =>
        {
            Record("event", envelope.TeamId, envelope.EventId);
            return Task.CompletedTask;
        });

    private void Record(string kind, string? team, string? user)
    {
        lock (_calls)
            _calls.Add($"{kind} {team}/{user}");
    }
}
