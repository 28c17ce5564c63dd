using System.Text.RegularExpressions;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Stakeholders;
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
    SubmissionAnnouncements announcements,
    ILogger<SlackBotListeners> logger)
{
    private const int MaxOptions = SlackLimits.OptionsPerSelect;

    public async Task<SlackMessage?> OnCommandAsync(SlashCommand command, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var request = SlackRequestContexts.From(command);
        var text = "map " + command.Text;
        try
        {
            var reply = await dispatcher.DispatchAsync(text, request, cancellationToken);
            if (reply is StakeholderFormView form)
                return await OpenFormAsync(context.Team, command.TriggerId, form, command.ChannelId, text, cancellationToken);
            return messages.Render(reply);
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
                var fallback = await OpenFormAsync(context.Team, trigger, form, channelId, command, cancellationToken);
                if (fallback is not null)
                    Respond(context, payload.ResponseUrl, fallback);
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
        Respond(context, payload.ResponseUrl, messages.Render(reply, command) with { ReplaceOriginal = inPlace });
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
                        context.RunAfterAck(ct => AnnounceAsync(context.Team, channel, map, ct));
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

    /// <summary>People of the form's map (reports-to, related-to), filtered by what was typed; only in the requester's workspace.</summary>
    public async Task<OptionsResponse> OnPeopleOptionsAsync(BlockSuggestionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var metadata = FormMetadata.TryDecode(payload.View?.PrivateMetadata);
        if (metadata is null)
            return OptionsResponse.Empty;
        var request = SlackRequestContexts.From(payload, null);
        var map = await maps.GetAsync(request.Workspace, metadata.MapId, cancellationToken);
        if (map is null)
            return OptionsResponse.Empty;
        return new OptionsResponse(Matching(map.Stakeholders, payload.Value, metadata.StakeholderId)
            .Select(p => new Option(new PlainText(Label(p.Name, p.Title)), p.Id.ToString("N"))));
    }

    /// <summary>The map card's "Edit…" search when a map has more people than a static select can hold.</summary>
    public async Task<OptionsResponse> OnEditSearchOptionsAsync(BlockSuggestionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!payload.BlockId.StartsWith(SlackBotIds.MapCardBlockPrefix, StringComparison.Ordinal)
            || !Guid.TryParse(payload.BlockId.AsSpan(SlackBotIds.MapCardBlockPrefix.Length), out var mapId))
            return OptionsResponse.Empty;
        var request = SlackRequestContexts.From(payload, null);
        var map = await maps.GetAsync(request.Workspace, mapId, cancellationToken);
        if (map is null)
            return OptionsResponse.Empty;
        var prefix = $"map {CommandParser.Quote(map.Name)} edit ";
        return new OptionsResponse(Matching(map.Stakeholders, payload.Value, null)
            .Select(p => new Option(new PlainText(Label(p.Name, p.Title)), prefix + PersonRef.ForId(p.Id))));
    }

    public async Task OnAppMentionAsync(EventCallbackEnvelope envelope, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(context);
        if (envelope.Event is not AppMentionEvent mention)
            return;
        var request = SlackRequestContexts.From(envelope, mention);
        var text = LeadingMentions().Replace(mention.Text, string.Empty).Trim();
        if (!text.Equals("map", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("map ", StringComparison.OrdinalIgnoreCase))
            text = "map " + text;
        var thread = mention.ThreadTs ?? mention.Ts;
        SlackMessage message;
        try
        {
            var reply = await dispatcher.DispatchAsync(text, request, cancellationToken);
            message = messages.Render(reply, text);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.BotFailed(logger, e, "app_mention", request.Workspace.Value);
            message = messages.Failure();
        }

        try
        {
            await slack.PostMessageAsync(context.Team, mention.Channel, message with { ThreadTs = thread, ResponseType = null }, cancellationToken);
        }
        catch (SlackApiException e)
        {
            Log.AnnounceFailed(logger, mention.Channel, e.Error);
        }
    }

    private async Task<SlackMessage?> OpenFormAsync(SlackTeamKey team, string triggerId, StakeholderFormView form, string? channelId, string command, CancellationToken cancellationToken)
    {
        try
        {
            // The trigger id lives 3 s and works once: this call comes before anything slow.
            await slack.OpenViewAsync(team, triggerId, modals.Render(form, channelId), cancellationToken);
            return null;
        }
        catch (SlackApiException e)
        {
            Log.FormOpenFailed(logger, team.ToString(), e.Error);
            return messages.Render(form, command);
        }
    }

    private async Task AnnounceAsync(SlackTeamKey team, string channel, MapView map, CancellationToken cancellationToken)
    {
        try
        {
            await slack.PostMessageAsync(team, channel, messages.Render(map) with { ResponseType = null }, cancellationToken);
        }
        catch (SlackApiException e)
        {
            Log.AnnounceFailed(logger, channel, e.Error);
        }
    }

    private void Respond(SlackListenerContext context, string? responseUrl, SlackMessage message)
    {
        if (string.IsNullOrEmpty(responseUrl))
            return;
        context.RunAfterAck(async ct =>
        {
            try
            {
                await slack.PostToResponseUrlAsync(responseUrl, message, ct);
            }
            catch (SlackApiException e)
            {
                Log.RespondFailed(logger, e.Error);
            }
        });
    }

    private static IEnumerable<AccountBot.Core.Accounts.Stakeholder> Matching(
        IEnumerable<AccountBot.Core.Accounts.Stakeholder> people, string? typed, Guid? except)
    {
        var query = typed?.Trim() ?? string.Empty;
        return people
            .Where(p => p.Id != except)
            .Where(p => query.Length == 0
                || p.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
                || (p.Title?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false))
            .OrderBy(p => p.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Take(MaxOptions);
    }

    private static string Label(string name, string? title) => title is { Length: > 0 } ? $"{name} ({title})" : name;

    private static ViewErrorsResponse Errors(string blockId, string message) =>
        new(new Dictionary<string, string>(StringComparer.Ordinal) { [blockId] = message });

    [GeneratedRegex(@"^\s*(<@[A-Z0-9]+(\|[^>]*)?>\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMentions();
}
