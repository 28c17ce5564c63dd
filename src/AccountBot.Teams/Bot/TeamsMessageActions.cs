using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Capture;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Text;
using AccountBot.Core.Views;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Rendering;
using AccountBot.Teams.Routing;
using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Bot;

/// <summary>
/// Capture from a message in Teams: the message action "Add to account map" (the manifest's <c>composeExtensions</c>
/// command <see cref="CaptureCommand"/>). <c>composeExtension/fetchTask</c> answers a dialog with the stakeholder form
/// prefilled from the message by the core (<see cref="CaptureHandler"/>, the one Slack's shortcut uses) and an account
/// picker; <c>composeExtension/submitAction</c> saves through the same handler, the message's link kept in the person's
/// history, closes the dialog and posts the map into the conversation after the ack (in a channel shared with another
/// organisation, to the asker's personal chat). An invalid form comes back in the dialog with every value as typed.
/// Who may ask at all is decided before (TeamsAccessGate).
/// </summary>
public sealed class TeamsMessageActions(
    CaptureHandler capture,
    ConversationAddressRecorder conversations,
    CaptureCardRenderer cards,
    TeamsCardRenderer renderer,
    TimeProvider time,
    ILogger<TeamsMessageActions> logger)
{
    /// <summary>The command id in the manifest's <c>composeExtensions</c>.</summary>
    public const string CaptureCommand = "addToAccountMap";

    /// <summary>How big the dialog opens: the whole stakeholder form is in it.</summary>
    public const string DialogHeight = "large";

    public const string DialogWidth = "medium";

    public void Register(TeamsActivityRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnInvoke(InvokeNames.FetchTask, OnFetchTaskAsync)
            .OnInvoke(InvokeNames.SubmitAction, OnSubmitActionAsync);
    }

    public async Task<InvokeResponse> OnFetchTaskAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await StartAsync(turn, cancellationToken) is not ({ } value, var context))
            return Refused(turn, Sentences.CaptureUnknownCommand, "not the capture command");
        if (context is null)
            return Refused(turn, TeamsBot.NoTenant, "no tenant");

        var reply = await capture.OpenAsync(MessageActionText.Read(value.MessagePayload), context, cancellationToken);
        var link = MessageActionText.Link(value.MessagePayload?.LinkToMessage);
        Log.MessageActionAnswered(logger, InvokeNames.FetchTask, reply is CaptureView ? "form" : "notice");
        return await DialogAsync(reply, link, context, null, cancellationToken);
    }

    public async Task<InvokeResponse> OnSubmitActionAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await StartAsync(turn, cancellationToken) is not ({ } value, var context))
            return Refused(turn, Sentences.CaptureUnknownCommand, "not the capture command");
        if (context is null)
            return Refused(turn, TeamsBot.NoTenant, "no tenant");
        if (value.BotMessagePreviewAction is not null || CardActionData.TryRead(value.Data) is not { Verb: CardVerbs.SubmitStakeholder } data)
            return Refused(turn, Sentences.CaptureFormUnknown, "no form data");

        var picked = Guid.TryParse(data.Get(CardVerbs.Inputs.CaptureAccount), out var account) ? account : (Guid?)null;
        var opened = Guid.TryParse(data.Get(CardVerbs.Keys.MapId), out var mapId) ? mapId : (Guid?)null;
        var link = MessageActionText.Link(value.MessagePayload?.LinkToMessage) ?? MessageActionText.Link(data.Get(CardVerbs.Keys.Link));
        var submission = new StakeholderSubmission(
            picked ?? opened ?? Guid.Empty,
            null,
            data.Get(CardVerbs.Keys.SubmissionId) ?? string.Empty,
            StakeholderFormSubmission.ReadValues(data, context.User));
        var saved = await capture.SubmitAsync(submission.MapId, submission, link, context, cancellationToken);
        switch (saved.Reply)
        {
            case StakeholderFormView { Errors.Count: > 0 } rejected:
                Log.MessageActionAnswered(logger, InvokeNames.SubmitAction, "invalid");
                return await DialogAsync(new CaptureView(rejected, Suggestions(value)), link, context, null, cancellationToken);
            case NoticeView notice when saved.Outcome == SaveOutcome.NotFound:
                // The account is gone or not one this person may save to here: the form again, on an account they may pick.
                Log.MessageActionAnswered(logger, InvokeNames.SubmitAction, "account refused");
                var again = await capture.ReopenAsync(submission, Suggestions(value), context, cancellationToken);
                return await DialogAsync(again, link, context, notice.Text, cancellationToken);
        }

        if (saved.Announcement is { } announcement)
        {
            var message = renderer.RenderMessage(announcement, context.User);
            if (turn.IsSharedChannel)
                TeamsBot.DeliverPrivately(turn, message);
            else
                turn.SendAfterAck(message);
        }

        Log.MessageActionAnswered(logger, InvokeNames.SubmitAction, saved.Outcome.ToString());
        // The dialog's last word is what was done ("Ana added Priya Raman."), the shape Teams shows in place of the form
        // and the Agents Playground accepts (it calls a bare {} invalid and leaves an empty dialog open).
        return InvokeResponse.FromTaskModuleResponse(TaskModuleResponse.Message(
            saved.Reply is MapView { Notice: { Length: > 0 } done } ? done : Sentences.CaptureSaved));
    }

    /// <summary>The value when it is the capture command, with the request's context (null: no tenant); null for another command.</summary>
    private async Task<(MessageActionValue Value, RequestContext? Context)?> StartAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.GetMessageActionValue() is not { } value || !string.Equals(value.CommandId, CaptureCommand, StringComparison.Ordinal))
            return null;
        var context = turn.Context;
        if (turn.ConversationAddressAt(time.GetUtcNow()) is { } address)
            await conversations.RecordAsync(address, force: false, cancellationToken);
        return (value, context);
    }

    private async Task<InvokeResponse> DialogAsync(Reply reply, string? link, RequestContext context, string? accountError, CancellationToken cancellationToken)
    {
        AdaptiveCard card;
        if (reply is CaptureView view)
        {
            var accounts = await capture.AccountsAsync(context, null, cancellationToken);
            card = cards.Render(view, accounts, link, context.User, accountError);
        }
        else
        {
            card = renderer.Render(reply, context.User);
        }

        var info = new TaskInfo(Sentences.CaptureTitle, CardAttachment.Create(card)) { Height = DialogHeight, Width = DialogWidth };
        return InvokeResponse.FromTaskModuleResponse(TaskModuleResponse.Continue(info));
    }

    private InvokeResponse Refused(TeamsTurn turn, string text, string reason)
    {
        Log.MessageActionRefused(logger, turn.Activity.Name ?? string.Empty, reason);
        return InvokeResponse.FromTaskModuleResponse(TaskModuleResponse.Message(text));
    }

    private static IReadOnlyList<CaptureSuggestion> Suggestions(MessageActionValue value) =>
        CaptureSuggestionReader.Read(MessageActionText.Read(value.MessagePayload));
}
