using AccountBot.Core.Access;
using AccountBot.Core.Commands;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Maps and commands: <c>/map</c>, and the buttons and selects whose <c>value</c> is a core command. A form the core
/// answers with (the stakeholder form, the CSV import) opens as a modal at once with the trigger id; an export is
/// shared as a file after the ack (<see cref="SlackCsvExport"/>); an answer the channel would see goes privately where
/// the channel is shared with another organisation.
/// </summary>
public sealed class SlackMapListeners(
    CommandDispatcher dispatcher,
    SlackMessageRenderer messages,
    StakeholderModalRenderer modals,
    ImportModalRenderer imports,
    SlackCsvExport exports,
    SlackSharedChannels sharedChannels,
    SlackPrivateChannels privateChannels,
    ILogger<SlackMapListeners> logger)
{
    public async Task<SlackMessage?> OnCommandAsync(SlashCommand command, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var text = CommandText.FromTyped(SlackCommandText.Decode(command.Text));
        var parsed = CommandParser.Parse(text);
        var request = await RequestForAsync(context, parsed, command.ChannelName);
        var reply = await dispatcher.DispatchAsync(parsed, request, cancellationToken);
        switch (reply)
        {
            case StakeholderFormView form:
                return await OpenModalAsync(context, command.TriggerId, modals.Render(form, command.ChannelId), () => messages.Render(form, text));
            case ImportFormView importForm:
                return await OpenModalAsync(context, command.TriggerId, imports.Form(importForm, command.ChannelId), () => messages.Render(importForm, text));
            case ExportView when await exports.WithheldAsync(context, null, context.BeforeAck):
                return exports.Refused();
            case ExportView export:
                exports.Upload(context, export, request);
                return messages.Render(export) with { ResponseType = ResponseType.Ephemeral };
            case SettingsView settings when await sharedChannels.IsSharedOrUnknownAsync(context, command.ChannelId):
                return SharedChannelNotice.Private(messages.Render(settings), AccessNotices.SharedChannelSettings);
            default:
                return await PrivateIfSharedAsync(context, messages.Render(reply), false);
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
        var channelId = context.ChannelId;
        var parsed = CommandParser.Parse(command);
        var request = await RequestForAsync(context, parsed, payload.Channel?.Name);
        var reply = await dispatcher.DispatchAsync(parsed, request, cancellationToken);
        if (reply is StakeholderFormView form && payload.TriggerId is { Length: > 0 } trigger)
        {
            if (await OpenModalAsync(context, trigger, modals.Render(form, channelId), () => messages.Render(form, command)) is { } fallback)
                context.Respond(fallback);
            return;
        }

        if (reply is ImportFormView importForm && payload.TriggerId is { Length: > 0 } importTrigger)
        {
            if (await OpenModalAsync(context, importTrigger, imports.Form(importForm, channelId), () => messages.Render(importForm, command)) is { } fallback)
                context.Respond(fallback with { ReplaceOriginal = false });
            return;
        }

        if (reply is ExportView export)
        {
            if (await exports.WithheldAsync(context, null, context.BeforeAck))
            {
                context.Respond(exports.Refused());
                return;
            }

            exports.Upload(context, export, request);
            context.Respond(messages.Render(export) with { ResponseType = ResponseType.Ephemeral, ReplaceOriginal = false });
            return;
        }

        // A map card's own buttons update the card in place; everything else answers with a new message.
        var inPlace = action.ActionId.StartsWith(SlackBotIds.MapActionPrefix, StringComparison.Ordinal) && reply is MapView;
        var message = messages.Render(reply, command) with { ReplaceOriginal = inPlace };
        // Replacing a message the channel sees is posting to the channel too.
        context.Respond(await PrivateIfSharedAsync(context, message, inPlace && payload.Container?.IsEphemeral != true));
    }

    /// <summary>
    /// The request the core gets for <paramref name="command"/>: only a <c>create</c> asks Slack whether the channel is
    /// private (before the ack), since a map made there is private; every other command is the context's request as is.
    /// </summary>
    private async Task<RequestContext> RequestForAsync(SlackListenerContext context, BotCommand command, string? channelName) =>
        command is CreateMap
            ? await privateChannels.MarkAsync(context.Request, context.Api, channelName, context.BeforeAck)
            : context.Request;

    /// <summary>
    /// Opens a modal before the ack (the trigger id lives 3 s and works once, so this comes before anything slow). When
    /// Slack refuses or throttles it, or the ack budget runs out, the form comes back as a message instead.
    /// </summary>
    private async Task<SlackMessage?> OpenModalAsync(SlackListenerContext context, string triggerId, ModalView modal, Func<SlackMessage> fallback)
    {
        string error;
        try
        {
            await context.Api.OpenViewAsync(triggerId, modal, context.BeforeAck);
            return null;
        }
        catch (OperationCanceledException) when (context.BeforeAck.IsCancellationRequested)
        {
            error = "ack_budget_exceeded";
        }
        catch (SlackApiException e)
        {
            error = e.Error;
        }

        Log.FormOpenFailed(logger, context.Team.ToString(), error);
        return fallback();
    }

    /// <summary>
    /// <paramref name="message"/> as is, unless it would be seen in a channel shared with another organisation
    /// (an <c>in_channel</c> answer, or <paramref name="replacesChannelMessage"/>): then privately, the notice on top.
    /// </summary>
    private async Task<SlackMessage> PrivateIfSharedAsync(SlackListenerContext context, SlackMessage message, bool replacesChannelMessage)
    {
        if (message.ResponseType != ResponseType.InChannel && !replacesChannelMessage)
            return message;
        if (!await sharedChannels.IsSharedOrUnknownAsync(context, context.ChannelId))
            return message;
        Log.SharedChannelWithheld(logger, context.ChannelId ?? "unknown", "map answer");
        return SharedChannelNotice.Private(message, AccessNotices.SharedChannelPrivateReply);
    }
}
