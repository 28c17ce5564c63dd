using AccountBot.Adapters.Conversations;
using AccountBot.Core.Access;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Core.Workspaces;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Rendering;
using AccountBot.Teams.Routing;
using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Bot;

/// <summary>
/// Bridges Teams activities to the core. Typed commands are answered in the same thread/chat. Card
/// buttons are Action.Submit (a message with <c>value</c> + <c>replyToId</c>): a button that changes
/// what its card shows (form submit, Mark reviewed, confirm remove) replaces that card in place with
/// <c>PUT</c>, so everyone in the channel sees the current map; a button that opens something new
/// (Add, Edit, History, views) posts a new message. In a channel shared with another organisation nothing with map
/// content is posted: answers go to the asker's personal chat. Who may ask at all is decided before (TeamsAccessGate).
/// </summary>
public sealed class TeamsBot(
    CommandDispatcher dispatcher,
    ConversationAddressRecorder conversations,
    IWorkspaceLifecycle lifecycle,
    IBlockedConversations blocked,
    TeamsCardRenderer renderer,
    TimeProvider time,
    ILogger<TeamsBot> logger)
{
    public const string SomethingWentWrong = "Something went wrong on our side, sorry. Please try again in a moment.";
    public const string NoTenant = "AccountBot works inside a Microsoft 365 organisation, and this conversation did not say which one. Nothing was saved.";
    public const string CancelledText = "Nothing was removed.";
    public const string ImportCancelledText = "Import cancelled. Nothing was changed.";

    /// <summary>Registers the message, conversationUpdate and installationUpdate handlers, and the one error handler.</summary>
    public void Register(TeamsActivityRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage(OnMessageAsync)
            .OnConversationUpdate(OnConversationUpdateAsync)
            .OnInstallationUpdate(OnInstallationUpdateAsync)
            .OnError(OnTurnFailedAsync);
    }

    public async Task OnMessageAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Conversation?.Id is not { Length: > 0 })
        {
            // Nowhere to answer: a reply needs the conversation id.
            Log.NoConversation(logger, activity.Type);
            return;
        }

        if (turn.Context is not { } context)
        {
            Log.NoTenant(logger, activity.Type);
            turn.ReplyAfterAck(NoTenant);
            return;
        }

        await conversations.RecordAsync(turn, cancellationToken);
        var shared = turn.IsSharedChannel;
        if (CardActionData.TryRead(activity.Value) is { } action)
        {
            await OnCardActionAsync(turn, context, action, shared, cancellationToken);
            return;
        }

        var text = await turn.CommandTextAsync(cancellationToken);
        if (shared && IsSettings(text))
        {
            turn.ReplyAfterAck(AccessNotices.SharedChannelSettings);
            return;
        }

        var reply = await DispatchAsync(turn, text, context, cancellationToken);
        var message = renderer.RenderMessage(reply, context.User);
        if (shared)
            DeliverPrivately(turn, message);
        else
            turn.ReplyAfterAck(message);
    }

    public async Task OnConversationUpdateAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!activity.IsRecipientAdded() || turn.Context is not { } context)
            return;

        await RememberAsync(turn, cancellationToken);
        await conversations.RecordAsync(turn, cancellationToken); // the conversation was just written: here the sender's address
        var help = await dispatcher.DispatchAsync("map help", context, cancellationToken);
        var message = renderer.RenderMessage(help, context.User);
        turn.SendAfterAck(message);
        if (string.Equals(activity.Conversation?.ConversationType, ConversationTypes.Personal, StringComparison.OrdinalIgnoreCase))
        {
            // In the personal chat the welcome also shows the person's home, "Your accounts" (what `map mine` shows).
            var home = renderer.RenderMessage(await dispatcher.DispatchAsync(CommandText.Mine, context, cancellationToken), context.User);
            turn.SendAfterAck(home);
        }
    }

    /// <summary>
    /// <c>add</c>: the conversation is remembered, and a deletion of the tenant's data still scheduled is called off.
    /// <c>remove</c>: the conversation's address is forgotten; when the tenant has none left, the app counts as removed
    /// from the tenant and its data is scheduled for deletion (Privacy:UninstallGraceDays).
    /// </summary>
    public async Task OnInstallationUpdateAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var add = string.Equals(activity.Action, InstallationActions.Add, StringComparison.OrdinalIgnoreCase);
        if (!add && !string.Equals(activity.Action, InstallationActions.Remove, StringComparison.OrdinalIgnoreCase))
            return;
        if (turn.Context is not { } context)
        {
            Log.NoTenant(logger, activity.Type);
            return;
        }

        if (!add)
        {
            await lifecycle.ConversationRemovedAsync(context.Workspace, context.Channel.Id, "installationUpdate remove", cancellationToken);
            return;
        }

        await RememberAsync(turn, cancellationToken);
        await lifecycle.AppInstalledAsync(context.Workspace, cancellationToken);
    }

    /// <summary>
    /// The one error handler of a turn: logs the failure once; a message (someone asked something) is answered politely,
    /// without details. Conversation and installation updates expect no answer.
    /// </summary>
    public Task OnTurnFailedAsync(TeamsTurn turn, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        Log.TurnFailed(logger, exception, turn.Activity.Type);
        if (string.Equals(turn.Activity.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase))
            turn.ReplyAfterAck(SomethingWentWrong);
        return Task.CompletedTask;
    }

    private async Task RememberAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        Log.Installed(logger, activity.Conversation?.ConversationType);
        var address = turn.ConversationAddressAt(time.GetUtcNow())!;
        await conversations.RecordAsync(address, force: true, cancellationToken);
        await blocked.UnblockAsync(ConversationKey.Of(address.ConversationId), cancellationToken);
        if (activity.Conversation?.Id is { Length: > 0 } conversationId)
            await blocked.UnblockAsync(ConversationKey.Of(conversationId), cancellationToken);
    }

    /// <param name="shared">In a shared channel: the answer goes to the asker's personal chat, never onto the card.</param>
    private async Task OnCardActionAsync(TeamsTurn turn, RequestContext context, CardActionData action, bool shared, CancellationToken cancellationToken)
    {
        if (shared && action.Verb == CardVerbs.Command && IsSettings(action.Get(CardVerbs.Keys.Command)))
        {
            turn.ReplyAfterAck(AccessNotices.SharedChannelSettings);
            return;
        }

        Reply reply;
        bool inPlace;
        switch (action.Verb)
        {
            case CardVerbs.Command when action.Get(CardVerbs.Keys.Command) is { } command:
                reply = await DispatchAsync(turn, command, context, cancellationToken);
                // Only a map replaces the map card; a refusal (an Undo that cannot be done) comes as a new message under it.
                inPlace = action.InPlace && reply is MapView;
                break;
            case CardVerbs.CommandFromInput when action.Get(CardVerbs.Keys.Prefix) is { } prefix:
                var picked = action.Get(CardVerbs.Keys.Input) is { } input ? action.Get(input) : null;
                reply = picked is null
                    ? new NoticeView(Tone.Warning, "Pick one from the list first.")
                    : await dispatcher.DispatchAsync(prefix + " " + picked, context, cancellationToken);
                inPlace = false;
                break;
            case CardVerbs.SubmitStakeholder when Guid.TryParse(action.Get(CardVerbs.Keys.MapId), out var mapId):
                var submission = new StakeholderSubmission(
                    mapId,
                    Guid.TryParse(action.Get(CardVerbs.Keys.StakeholderId), out var stakeholderId) ? stakeholderId : null,
                    action.Get(CardVerbs.Keys.SubmissionId) ?? string.Empty,
                    StakeholderFormSubmission.ReadValues(action, context.User));
                reply = (await dispatcher.SubmitStakeholderAsync(submission, context, cancellationToken)).Reply;
                inPlace = true;
                break;
            case CardVerbs.PreviewImport:
                // Raw: the pasted CSV keeps its line breaks and spacing.
                reply = await dispatcher.PreviewImportAsync(action.Get(ImportFormView.AccountField), action.Raw(ImportFormView.CsvField), context, cancellationToken);
                inPlace = true;
                break;
            case CardVerbs.ApplyImport when Guid.TryParse(action.Get(CardVerbs.Keys.MapId), out var importMapId) && action.Get(CardVerbs.Keys.ImportId) is { } importId:
                reply = (await dispatcher.ApplyImportAsync(importMapId, importId, context, cancellationToken)).Reply;
                inPlace = true;
                break;
            case CardVerbs.CancelImport:
                reply = new NoticeView(Tone.Info, ImportCancelledText);
                inPlace = true;
                break;
            case CardVerbs.Cancel:
                reply = new NoticeView(Tone.Info, CancelledText);
                inPlace = true;
                break;
            default:
                reply = new NoticeView(Tone.Warning, "That button is from an older version of AccountBot.", "map help");
                inPlace = false;
                break;
        }

        Log.CardAction(logger, action.Verb, inPlace);
        var message = renderer.RenderMessage(reply, context.User);
        if (shared)
        {
            DeliverPrivately(turn, message);
            return;
        }

        // In place: the card the button came from is replaced (a card too old to edit gets a new message instead).
        turn.UpdateAfterAck(inPlace ? turn.Activity.ReplyToId : null, message);
    }

    /// <summary>Runs a typed (or button's) command; a question's answer need not be kept through a crash (<see cref="TeamsTurn.IsReadOnly"/>).</summary>
    private Task<Reply> DispatchAsync(TeamsTurn turn, string? text, RequestContext context, CancellationToken cancellationToken)
    {
        var parsed = CommandParser.Parse(text);
        if (parsed.IsReadOnly())
            turn.MarkReadOnly();
        return dispatcher.DispatchAsync(parsed, context, cancellationToken);
    }

    /// <summary>
    /// In a channel shared with another organisation no map content is posted: the answer goes to the asker's
    /// personal chat, and the channel gets one line saying so.
    /// </summary>
    internal static void DeliverPrivately(TeamsTurn turn, Activity message)
    {
        turn.SendPersonalAfterAck(message);
        turn.ReplyAfterAck(AccessNotices.SharedChannelPrivateReply);
    }

    private static bool IsSettings(string? command) => CommandParser.Parse(command) is ChannelSettingsCommand;
}
