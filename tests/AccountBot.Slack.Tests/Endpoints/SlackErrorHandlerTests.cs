using System.Net;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Endpoints;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Routing;
using AccountBot.Testing.Slack;

namespace AccountBot.Slack.Tests.Endpoints;

/// <summary>
/// The one error handler: a listener that throws is logged once by the dispatch, and the registry's error handler
/// answers the user in the shape of that request's ack (never a 500 with details).
/// </summary>
public sealed class SlackErrorHandlerTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private readonly RecordingErrors _errors = new();
    private SlackTestHost _host = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync(app => app
            .Command("/map", (_, _, _) => throw new InvalidOperationException("listener bug"))
            .Action("stakeholder:edit", (_, _, _, _) => throw new InvalidOperationException("listener bug"))
            .ViewSubmission("stakeholder-form", (_, _, _) => throw new InvalidOperationException("listener bug"))
            .Options("account", (_, _, _) => throw new InvalidOperationException("listener bug"))
            .Error(() => _errors));
        await _host.Store.SaveAsync(new SlackInstallation { TeamId = "T3MDE", BotToken = "xoxb-t3mde" }, Ct);
        await _host.Store.SaveAsync(new SlackInstallation { EnterpriseId = "E0001", TeamId = "T0001", BotToken = "xoxb-t0001" }, Ct);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _timeout.Dispose();
    }

    private int FailuresLogged => _host.Logs.GetSnapshot().Count(r => r.Message.StartsWith("Slack listener for", StringComparison.Ordinal));

    [Fact]
    public async Task Command_ListenerThrows_ErrorHandlerAnswersAndTheFailureIsLoggedOnce()
    {
        using var request = _host.Signer.CreateRequest(SlackRequestHandler.Commands, SlackRequestSigner.EncodeForm(Fixture.ReadCommandFields("map.in-command.json")), SlackRequestSigner.FormContentType);

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(RecordingErrors.Sorry, body, StringComparison.Ordinal);
        Assert.DoesNotContain("listener bug", body, StringComparison.Ordinal);
        Assert.Equal(["command /map"], _errors.Calls);
        Assert.Equal(1, FailuresLogged);
    }

    [Fact]
    public async Task Action_ListenerThrows_AckedAndTheErrorHandlerToldOnce()
    {
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity, Fixture.Read("stakeholder-buttons.in-block-actions.json"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["action stakeholder:edit"], _errors.Calls);
        Assert.Equal(1, FailuresLogged);
    }

    [Fact]
    public async Task ViewSubmission_ListenerThrows_ErrorHandlersAnswerKeepsTheModalOpen()
    {
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity, Fixture.Read("stakeholder-form.in-view-submission.json"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"response_action":"errors","errors":{"name":""" + $"\"{RecordingErrors.Sorry}\"" + "}}", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["view stakeholder-form"], _errors.Calls);
    }

    [Fact]
    public async Task Options_ListenerThrows_NoOptionsRatherThanAnError()
    {
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Options, Fixture.Read("account-search.block-suggestion.json"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"options":[]}""", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, FailuresLogged);
    }

    [Fact]
    public void Error_RegisteredTwice_Throws()
    {
        var registry = new SlackListenerRegistry().Error(() => _errors);

        Assert.Throws<InvalidOperationException>(() => registry.Error(() => _errors));
    }

    private sealed class RecordingErrors : ISlackErrorHandler
    {
        public const string Sorry = "Sorry, that failed. Nothing was changed.";
        private readonly List<string> _calls = [];

        public IReadOnlyList<string> Calls
        {
            get
            {
                lock (_calls)
                    return [.. _calls];
            }
        }

        public SlackMessage? CommandFailed(SlashCommand command, SlackListenerContext context)
        {
            Record("command " + command.Command);
            return new SlackMessage(Sorry) { ResponseType = ResponseType.Ephemeral };
        }

        public void ActionFailed(BlockActionsPayload payload, SlackListenerContext context) => Record("action " + payload.Actions[0].ActionId);

        public ViewSubmissionResponse? ViewSubmissionFailed(ViewSubmissionPayload payload, SlackListenerContext context)
        {
            Record("view " + payload.View.CallbackId);
            return ViewSubmissionResponse.Errors(new Dictionary<string, string> { ["name"] = Sorry });
        }

        public Task EventFailedAsync(EventCallbackEnvelope envelope, SlackListenerContext context, CancellationToken cancellationToken)
        {
            Record("event " + envelope.Event.Type);
            return Task.CompletedTask;
        }

        private void Record(string call)
        {
            lock (_calls)
                _calls.Add(call);
        }
    }
}
