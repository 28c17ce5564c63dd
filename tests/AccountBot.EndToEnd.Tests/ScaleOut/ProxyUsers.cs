using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AccountBot.Testing.Processes;
using AccountBot.Testing.ScaleOut;
using AccountBot.Testing.Slack;
using AccountBot.Testing.Teams;

namespace AccountBot.EndToEnd.Tests.ScaleOut;

/// <summary>
/// A Slack user and a Teams user talking to the bot through the <see cref="RoundRobinProxy"/>, whatever instance
/// answers: signed <c>/map</c> commands and stakeholder modals (Slack), personal-chat messages and the stakeholder
/// card's Action.Submit (Teams). What the bot sends to the platforms is read from <see cref="FakeChatPlatforms"/>.
/// </summary>
internal sealed class ProxyUsers(HttpClient http, Uri proxy, FakeChatPlatforms platforms)
{
    public const string SlackTeam = "T0SCALE";

    // SlackBotIds.StakeholderForm and CardVerbs.SubmitStakeholder: this project sees the host only as a process.
    private const string StakeholderForm = "stakeholder-form";
    private const string SubmitVerb = "submitStakeholder";

    private readonly SlackRequestSigner _signer = new(TwoInstanceRig.SigningSecret, TimeProvider.System);
    private int _sequence;

    /// <summary>A Slack <c>/map {text}</c>; the status and the ack's body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SlackCommandAsync(string text, string? trigger = null, CancellationToken cancellationToken = default)
    {
        var fields = SlackPayloads.Command(text, SlackTeam, "U0SCALE", "C0SCALE", platforms.SlackResponseUrl.AbsoluteUri, trigger ?? NextId());
        using var request = _signer.CreateFormRequest(new Uri(proxy, "slack/commands").AbsoluteUri, fields);
        using var response = await http.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Sends <c>/map {text}</c> and returns the stakeholder modal's <c>private_metadata</c> from <c>views.open</c>.</summary>
    public async Task<string> OpenSlackFormAsync(string text, CancellationToken cancellationToken)
    {
        var trigger = NextId();
        var (status, body) = await SlackCommandAsync(text, trigger, cancellationToken);
        Assert.True(status == HttpStatusCode.OK && body.Length == 0, $"'{text}' answered {(int)status} '{body}' instead of opening the form");
        var key = FakeChatPlatforms.ViewsOpenKey(trigger);
        await platforms.WaitAsync(key, cancellationToken);
        return JsonNode.Parse(platforms.Take(key).Single().Body)!["view"]!["private_metadata"]!.GetValue<string>();
    }

    /// <summary>Submits the stakeholder modal; true when saved (200, the modal closes), false when refused with reasons.</summary>
    public async Task<bool> SubmitSlackFormAsync(string metadata, string name, string title, CancellationToken cancellationToken)
    {
        var state = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            ["name"] = SlackPayloads.Text(name),
            ["title"] = SlackPayloads.Text(title),
            ["power"] = SlackPayloads.Selected("3"),
        };
        var payload = SlackPayloads.ViewSubmission(StakeholderForm, metadata, state, SlackTeam, "U0SCALE");
        using var request = _signer.CreateInteractionRequest(new Uri(proxy, "slack/interactivity").AbsoluteUri, payload);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the submission answered {(int)response.StatusCode} '{body}'");
        return !body.Contains("\"response_action\":\"errors\"", StringComparison.Ordinal);
    }

    /// <summary>A Teams personal-chat message; returns the bot's first reply (sent to the connector after the 200).</summary>
    public async Task<PlatformMessage> TeamsMessageAsync(string text, CancellationToken cancellationToken)
    {
        var id = NextId();
        await PostActivityAsync(Activity(id).Message(text).BuildJson(), cancellationToken);
        await platforms.WaitAsync(FakeChatPlatforms.ReplyKey(id), cancellationToken);
        return platforms.Take(FakeChatPlatforms.ReplyKey(id))[0];
    }

    /// <summary>Submits the stakeholder card <paramref name="card"/> with a name; returns what replaced the card.</summary>
    public async Task<string> SubmitTeamsCardAsync(PlatformMessage card, string name, CancellationToken cancellationToken)
    {
        var value = FindSubmitData(JsonNode.Parse(card.Body)) ?? throw new InvalidOperationException("no stakeholder form in " + card.Body);
        value["name"] = name;
        value["power"] = "3";
        await PostActivityAsync(Activity(NextId()).Submit(value.ToJsonString(), card.Id).BuildJson(), cancellationToken);
        var update = FakeChatPlatforms.UpdateKey(card.Id);
        await platforms.WaitAsync(update, cancellationToken);
        return string.Join(Environment.NewLine, platforms.Take(update).Select(m => m.Body));
    }

    private async Task PostActivityAsync(string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(proxy, "api/messages"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private ActivityBuilder Activity(string id) => new ActivityBuilder().With(a => a with { Id = id, ServiceUrl = platforms.TeamsServiceUrl });

    private string NextId() => string.Create(CultureInfo.InvariantCulture, $"scale-{Interlocked.Increment(ref _sequence)}");

    private static JsonObject? FindSubmitData(JsonNode? node) => node switch
    {
        JsonObject o when o["verb"] is JsonValue verb && verb.TryGetValue<string>(out var text) && text == SubmitVerb => o,
        JsonObject o => o.Select(p => FindSubmitData(p.Value)).FirstOrDefault(found => found is not null),
        JsonArray a => a.Select(FindSubmitData).FirstOrDefault(found => found is not null),
        _ => null,
    };
}
