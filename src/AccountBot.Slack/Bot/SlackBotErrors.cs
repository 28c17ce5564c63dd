using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using F = AccountBot.Core.Accounts.StakeholderFields;

namespace AccountBot.Slack.Bot;

/// <summary>
/// AccountBot's one Slack error handler: what a person sees when a listener failed (the failure is already logged,
/// details never reach the user). Each answer says that nothing was changed and to try again, where they were.
/// </summary>
public sealed class SlackBotErrors(SlackMessageRenderer messages, ImportModalRenderer imports) : ISlackErrorHandler
{
    public SlackMessage? CommandFailed(SlashCommand command, SlackListenerContext context) => messages.Failure();

    public void ActionFailed(BlockActionsPayload payload, SlackListenerContext context)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        context.Respond(messages.Failure() with { ReplaceOriginal = false });
    }

    public ViewSubmissionResponse? ViewSubmissionFailed(ViewSubmissionPayload payload, SlackListenerContext context)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.View.CallbackId switch
        {
            SlackBotIds.StakeholderForm => SlackViewErrors.One(F.Name, "Sorry, something went wrong on our side and nothing was saved. Please try again."),
            SlackBotIds.ImportForm => SlackViewErrors.One(ImportFormView.CsvField, "Sorry, something went wrong on our side and nothing was changed. Please try again."),
            _ => ViewSubmissionResponse.Update(imports.Notice(new NoticeView(Tone.Error, "Sorry, something went wrong on our side and nothing was imported. Please try again."))),
        };
    }

    public Task EventFailedAsync(EventCallbackEnvelope envelope, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(context);
        // Only a mention expects an answer; it gets one in its thread.
        if (envelope.Event is not AppMentionEvent)
            return Task.CompletedTask;
        return context.SayAsync(messages.Failure(), cancellationToken);
    }
}
