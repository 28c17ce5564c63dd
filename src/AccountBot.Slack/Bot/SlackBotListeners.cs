using System.Globalization;
using System.Text.RegularExpressions;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Access;
using AccountBot.Core.Commands;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.FollowUps;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using F = AccountBot.Core.Accounts.StakeholderFields;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Bridges Slack to the core: <c>/map</c>, button and select actions (their <c>value</c> is a core command), the
/// stakeholder modal (open at once with the trigger id; submit with idempotency; errors next to fields), the
/// external-select options, and <c>@AccountBot</c> mentions. A failure gets a polite message and a log line, never
/// a 500 with details. Resolved per request (it holds the typed <see cref="SlackApiClient"/>).
/// </summary>
public sealed partial class SlackBotListeners(
    CommandDispatcher dispatcher,
    IAccountMapStore maps,
    SlackApiClient slack,
    SlackMessageRenderer messages,
    StakeholderModalRenderer modals,
    ImportModalRenderer imports,
    AnnouncedSubmissions announcements,
    SlackUserNames userNames,
    SlackSharedChannels sharedChannels,
    ILogger<SlackBotListeners> logger)
{
    private const int MaxOptions = SlackLimits.OptionsPerSelect;
    private const int MaxChannelIdLength = 64;

    public async Task<SlackMessage?> OnCommandAsync(SlashCommand command, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var request = SlackRequestContexts.From(command);
        var text = CommandText.FromTyped(command.Text);
        try
        {
            var reply = await dispatcher.DispatchAsync(text, request, cancellationToken);
            switch (reply)
            {
                case StakeholderFormView form:
                    return await OpenModalAsync(context.Team, command.TriggerId, modals.Render(form, command.ChannelId), () => messages.Render(form, text), context.BeforeAck);
                case ImportFormView importForm:
                    return await OpenModalAsync(context.Team, command.TriggerId, imports.Form(importForm, command.ChannelId), () => messages.Render(importForm, text), context.BeforeAck);
                case ExportView when await ExportWithheldAsync(context.Team, command.ChannelId, null, context.BeforeAck):
                    return ExportRefused();
                case ExportView export:
                    Upload(context, command.ChannelId, null, command.ResponseUrl, export, request);
                    return messages.Render(export) with { ResponseType = ResponseType.Ephemeral };
                case SettingsView settings when await sharedChannels.IsSharedOrUnknownAsync(slack, context.Team, command.ChannelId, null, context.BeforeAck):
                    return SharedChannelNotice.Private(messages.Render(settings), AccessNotices.SharedChannelSettings);
                default:
                    return await PrivateIfSharedAsync(context.Team, command.ChannelId, messages.Render(reply), false, null, context.BeforeAck);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.BotFailed(logger, e, "command", request.Workspace.Value);
            return messages.Failure();
        }
    }

    public async Task OnActionAsync(BlockActionsPayload payload, SlackBlockAction action, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var command = action.Value ?? action.SelectedOption?.Value;
        if (string.IsNullOrWhiteSpace(command))
            return;
        var channelId = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var request = SlackRequestContexts.From(payload, channelId, payload.Channel?.Name);
        Reply reply;
        try
        {
            reply = await dispatcher.DispatchAsync(command, request, cancellationToken);
            if (reply is StakeholderFormView form && payload.TriggerId is { Length: > 0 } trigger)
            {
                var fallback = await OpenModalAsync(context.Team, trigger, modals.Render(form, channelId), () => messages.Render(form, command), context.BeforeAck);
                if (fallback is not null)
                    Respond(context, payload.ResponseUrl, fallback);
                return;
            }

            if (reply is ImportFormView importForm && payload.TriggerId is { Length: > 0 } importTrigger)
            {
                var fallback = await OpenModalAsync(context.Team, importTrigger, imports.Form(importForm, channelId), () => messages.Render(importForm, command), context.BeforeAck);
                if (fallback is not null)
                    Respond(context, payload.ResponseUrl, fallback with { ReplaceOriginal = false });
                return;
            }

            if (reply is ExportView export)
            {
                if (await ExportWithheldAsync(context.Team, channelId, null, context.BeforeAck))
                {
                    Respond(context, payload.ResponseUrl, ExportRefused());
                    return;
                }

                Upload(context, channelId, null, payload.ResponseUrl, export, request);
                Respond(context, payload.ResponseUrl, messages.Render(export) with { ResponseType = ResponseType.Ephemeral, ReplaceOriginal = false });
                return;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.BotFailed(logger, e, "action", request.Workspace.Value);
            Respond(context, payload.ResponseUrl, messages.Failure() with { ReplaceOriginal = false });
            return;
        }

        // A map card's own buttons update the card in place; everything else answers with a new message.
        var inPlace = action.ActionId.StartsWith(SlackBotIds.MapActionPrefix, StringComparison.Ordinal) && reply is MapView;
        var message = messages.Render(reply, command) with { ReplaceOriginal = inPlace };
        // Replacing a message the channel sees is posting to the channel too.
        var replacesChannelMessage = inPlace && payload.Container?.IsEphemeral != true;
        Respond(context, payload.ResponseUrl, await PrivateIfSharedAsync(context.Team, channelId, message, replacesChannelMessage, null, context.BeforeAck));
    }

    public async Task<ViewSubmissionResponse?> OnStakeholderSubmittedAsync(ViewSubmissionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = FormMetadata.TryDecode(payload.View.PrivateMetadata);
        var request = SlackRequestContexts.From(payload, metadata?.ChannelId);
        if (metadata is null)
        {
            Log.BadFormMetadata(logger, request.Workspace.Value);
            return Errors(F.Name, "This form can no longer be saved. Close it and open it again.");
        }

        try
        {
            var repeated = await maps.IsAppliedAsync(request.Workspace, metadata.SubmissionId, cancellationToken);
            var values = StakeholderFormState.Read(payload.View.State, metadata, request.User.Id, request.User.Name);
            if (values is { OwnerId: { Length: > 0 } ownerId, OwnerName: null })
                values = values with { OwnerName = await userNames.ResolveAsync(slack, context.Team, ownerId, context.BeforeAck) };
            var reply = await dispatcher.SubmitStakeholderAsync(
                new StakeholderSubmission(metadata.MapId, metadata.StakeholderId, metadata.SubmissionId, values), request, cancellationToken);
            switch (reply)
            {
                case StakeholderFormView { Errors.Count: > 0 } rejected:
                    return new ViewErrorsResponse(StakeholderModalRenderer.ErrorsByBlock(rejected.Errors));
                case NoticeView notice:
                    return Errors(F.Name, notice.Text);
                case MapView map:
                    if (repeated || !announcements.TryClaim(request.Workspace.Value + "|" + metadata.SubmissionId))
                    {
                        Log.SubmissionRepeated(logger, metadata.SubmissionId);
                        return null;
                    }

                    if (metadata.ChannelId is { Length: > 0 } channel)
                        context.RunAfterAck(ct => AnnounceAsync(context.Team, channel, request.User.Id, map, ct));
                    return null;
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.BotFailed(logger, e, "view submission", request.Workspace.Value);
            return Errors(F.Name, "Sorry, something went wrong on our side and nothing was saved. Please try again.");
        }
    }

    /// <summary>The pasted CSV: a preview replaces the form; a rejected paste keeps the form open with the error under its field.</summary>
    public async Task<ViewSubmissionResponse?> OnImportFormSubmittedAsync(ViewSubmissionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        // The form's metadata is the channel id it was opened in; anything longer is not ours (and would not fit the preview's metadata).
        var channel = payload.View.PrivateMetadata is { Length: > 0 and <= MaxChannelIdLength } c ? c : null;
        var request = SlackRequestContexts.From(payload, channel);
        var state = payload.View.State;
        try
        {
            var reply = await dispatcher.PreviewImportAsync(
                state.GetText(ImportFormView.AccountField, ImportFormView.AccountField),
                state.GetText(ImportFormView.CsvField, ImportFormView.CsvField),
                request,
                cancellationToken);
            return reply switch
            {
                ImportPreviewView preview => ViewSubmissionResponse.Update(imports.Preview(preview, channel)),
                ImportFormView rejected => new ViewErrorsResponse(ImportModalRenderer.ErrorsByBlock(rejected)),
                MapNotFoundView missing => Errors(ImportFormView.AccountField, missing.Suggestions.Count > 0
                    ? $"There is no account map called {missing.RequestedName}. Did you mean {string.Join(", ", missing.Suggestions.Take(3))}?"
                    : $"There is no account map called {missing.RequestedName}. Create it first with /map {missing.RequestedName} create."),
                NoticeView notice => Errors(ImportFormView.CsvField, notice.Text),
                _ => Errors(ImportFormView.CsvField, "Sorry, this import could not be previewed. Nothing was changed."),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.BotFailed(logger, e, "import form", request.Workspace.Value);
            return Errors(ImportFormView.CsvField, "Sorry, something went wrong on our side and nothing was changed. Please try again.");
        }
    }

    /// <summary>The preview's Import: applies it once (the import id is the key), closes the modal and announces the map in the channel once.</summary>
    public async Task<ViewSubmissionResponse?> OnImportPreviewSubmittedAsync(ViewSubmissionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = ImportMetadata.TryDecode(payload.View.PrivateMetadata);
        var request = SlackRequestContexts.From(payload, metadata?.ChannelId);
        if (metadata is null)
        {
            Log.BadImportMetadata(logger, request.Workspace.Value);
            return ViewSubmissionResponse.Update(imports.Notice(new NoticeView(Tone.Warning, "This preview can no longer be imported. Paste the CSV again with /map import; nothing was changed.")));
        }

        try
        {
            var key = CsvHandler.IdempotencyKey(metadata.ImportId);
            var repeated = await maps.IsAppliedAsync(request.Workspace, key, cancellationToken);
            var reply = await dispatcher.ApplyImportAsync(metadata.MapId, metadata.ImportId, request, cancellationToken);
            switch (reply)
            {
                case MapView map:
                    if (repeated || !announcements.TryClaim(request.Workspace.Value + "|" + key))
                    {
                        Log.SubmissionRepeated(logger, key);
                        return null;
                    }

                    if (metadata.ChannelId is { Length: > 0 } channel)
                        context.RunAfterAck(ct => AnnounceAsync(context.Team, channel, request.User.Id, map, ct));
                    return null;
                case NoticeView notice:
                    return ViewSubmissionResponse.Update(imports.Notice(notice));
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.BotFailed(logger, e, "import preview", request.Workspace.Value);
            return ViewSubmissionResponse.Update(imports.Notice(new NoticeView(Tone.Error, "Sorry, something went wrong on our side and nothing was imported. Please try again.")));
        }
    }

    /// <summary>
    /// Opens a modal before the ack (the trigger id lives 3 s and works once, so this comes before anything slow). When
    /// Slack refuses or throttles it, or the ack budget runs out, the form comes back as a message instead.
    /// </summary>
    private async Task<SlackMessage?> OpenModalAsync(SlackTeamKey team, string triggerId, ModalView modal, Func<SlackMessage> fallback, CancellationToken beforeAck)
    {
        string error;
        try
        {
            await slack.OpenViewAsync(team, triggerId, modal, beforeAck);
            return null;
        }
        catch (OperationCanceledException) when (beforeAck.IsCancellationRequested)
        {
            error = "ack_budget_exceeded";
        }
        catch (SlackApiException e)
        {
            error = e.Error;
        }

        Log.FormOpenFailed(logger, team.ToString(), error);
        return fallback();
    }

    private static ViewErrorsResponse Errors(string blockId, string message) =>
        new(new Dictionary<string, string>(StringComparer.Ordinal) { [blockId] = message });

    [GeneratedRegex(@"^\s*(<@[A-Z0-9]+(\|[^>]*)?>\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMentions();
}
