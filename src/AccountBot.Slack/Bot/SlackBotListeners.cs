using System.Text.RegularExpressions;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Access;
using AccountBot.Core.Commands;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Bridges Slack to the core: <c>/map</c>, button and select actions (their <c>value</c> is a core command), the
/// stakeholder modal (open at once with the trigger id; submit with idempotency; errors next to fields), the
/// external-select options, and <c>@AccountBot</c> mentions, one file per feature. A listener that throws is answered
/// by the one error handler (<see cref="SlackBotErrors"/>). Resolved per request (it holds the typed <see cref="SlackApiClient"/>).
/// </summary>
public sealed partial class SlackBotListeners(
    CommandDispatcher dispatcher,
    IAccountMapStore maps,
    SlackApiClient slack,
    SlackResponseUrls responseUrls,
    SlackMessageRenderer messages,
    StakeholderModalRenderer modals,
    ImportModalRenderer imports,
    AnnouncedSubmissions announcements,
    SlackUserNames userNames,
    SlackSharedChannels sharedChannels,
    SlackPrivateChannels privateChannels,
    ILogger<SlackBotListeners> logger)
{
    private const int MaxOptions = SlackLimits.OptionsPerSelect;
    private const int MaxChannelIdLength = 64;

    public async Task<SlackMessage?> OnCommandAsync(SlashCommand command, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var text = CommandText.FromTyped(SlackCommandText.Decode(command.Text));
        var request = await privateChannels.WithPrivacyAsync(SlackRequestContexts.From(command), text, slack, context.Team, command.ChannelName, context.BeforeAck);
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

    public async Task OnActionAsync(BlockActionsPayload payload, SlackBlockAction action, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var command = action.Value ?? action.SelectedOption?.Value;
        if (string.IsNullOrWhiteSpace(command))
            return;
        var channelId = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var request = await privateChannels.WithPrivacyAsync(SlackRequestContexts.From(payload, channelId, payload.Channel?.Name), command, slack, context.Team, payload.Channel?.Name, context.BeforeAck);
        var reply = await dispatcher.DispatchAsync(command, request, cancellationToken);
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

        // A map card's own buttons update the card in place; everything else answers with a new message.
        var inPlace = action.ActionId.StartsWith(SlackBotIds.MapActionPrefix, StringComparison.Ordinal) && reply is MapView;
        var message = messages.Render(reply, command) with { ReplaceOriginal = inPlace };
        // Replacing a message the channel sees is posting to the channel too.
        var replacesChannelMessage = inPlace && payload.Container?.IsEphemeral != true;
        Respond(context, payload.ResponseUrl, await PrivateIfSharedAsync(context.Team, channelId, message, replacesChannelMessage, null, context.BeforeAck));
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
