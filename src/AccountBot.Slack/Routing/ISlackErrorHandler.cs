using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;

namespace AccountBot.Slack.Routing;

/// <summary>
/// The one error handler, like bolt's <c>app.error</c>: when a listener throws, the dispatch logs the failure once and
/// asks this for what the user sees instead, shaped as the ack of that kind of request. Registered with
/// <see cref="SlackListenerRegistry.Error"/>; without one, a failed listener is answered with a bare 500.
/// </summary>
public interface ISlackErrorHandler
{
    /// <summary>The ack for a slash command whose listener failed.</summary>
    SlackMessage? CommandFailed(SlashCommand command, SlackListenerContext context);

    /// <summary>A block action's listener failed; the ack is empty, so any answer goes after it.</summary>
    void ActionFailed(BlockActionsPayload payload, SlackListenerContext context);

    /// <summary>The answer to a modal whose submission failed: the modal stays open with the error, or says so.</summary>
    ViewSubmissionResponse? ViewSubmissionFailed(ViewSubmissionPayload payload, SlackListenerContext context);

    /// <summary>An event's listener failed after its ack; any answer is posted.</summary>
    Task EventFailedAsync(EventCallbackEnvelope envelope, SlackListenerContext context, CancellationToken cancellationToken);
}
