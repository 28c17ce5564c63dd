using System.Text.RegularExpressions;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Capture;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Text;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using F = AccountBot.Core.Accounts.StakeholderFields;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Capture from a message: the "Add to account map" message shortcut opens the stakeholder modal prefilled from the
/// message (before the ack, with the trigger id), with a link to the message from <c>chat.getPermalink</c>; the
/// modal's account picker is served from the maps the user may see here; its submission saves on the picked map
/// through the one stakeholder form, the link kept in the person's history, and announces the map in the channel.
/// </summary>
public sealed partial class SlackCaptureListeners(
    CaptureHandler capture,
    CaptureModalRenderer modals,
    SlackMessageRenderer messages,
    SlackUserNames userNames,
    ILogger<SlackCaptureListeners> logger)
{
    private const int MaxResolvedMentions = 5;

    public async Task OnShortcutAsync(MessageActionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        var channel = context.ChannelId;
        var request = context.Request;
        if (payload.TriggerId is not { Length: > 0 } trigger)
        {
            Log.CaptureNotOpened(logger, context.Team.ToString(), "no_trigger_id");
            return;
        }

        var text = await NamedMentionsAsync(payload.Message?.Text, context);
        var reply = await capture.OpenAsync(text, request, cancellationToken);
        if (reply is not CaptureView view)
        {
            Log.CaptureNotOpened(logger, context.Team.ToString(), "no_map");
            if (context.ResponseUrl is { Length: > 0 } responseUrl && Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
                context.RunAfterAck(ct => context.Api.PostToResponseUrlAsync(responseUrl, messages.Render(reply), ct));
            return;
        }

        var link = await PermalinkAsync(context, channel, payload.Message?.Ts);
        try
        {
            await context.Api.OpenViewAsync(trigger, modals.Render(view, channel, link), context.BeforeAck);
        }
        catch (OperationCanceledException) when (context.BeforeAck.IsCancellationRequested)
        {
            Log.CaptureNotOpened(logger, context.Team.ToString(), "ack_budget_exceeded");
        }
        catch (SlackApiException e)
        {
            Log.CaptureNotOpened(logger, context.Team.ToString(), e.Error);
        }
    }

    /// <summary>The account picker: the maps the user may see here, the channel's linked maps first, filtered by what was typed.</summary>
    public async Task<OptionsResponse> OnAccountOptionsAsync(BlockSuggestionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = FormMetadata.TryDecode(payload.View?.PrivateMetadata);
        var accounts = await capture.AccountsAsync(context.RequestIn(metadata?.ChannelId), payload.Value, cancellationToken);
        return new OptionsResponse(accounts.Take(SlackLimits.OptionsPerSelect).Select(m => new Option(new PlainText(m.Name), m.Id.ToString("N"))));
    }

    public async Task<ViewSubmissionResponse?> OnSubmittedAsync(ViewSubmissionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = FormMetadata.TryDecode(payload.View.PrivateMetadata);
        var request = context.RequestIn(metadata?.ChannelId);
        if (metadata is null)
        {
            Log.CaptureBadMetadata(logger, request.Workspace.Value);
            return SlackViewErrors.One(F.Name, Sentences.CaptureMapGone);
        }

        var picked = payload.View.State.GetSelectedOption(SlackBotIds.CaptureAccount, SlackBotIds.CaptureAccount)?.Value;
        var mapId = Guid.TryParse(picked, out var id) ? id : metadata.MapId;
        var values = metadata.Values(payload.View.State, request.User.Id, request.User.Name);
        if (values is { OwnerId: { Length: > 0 } ownerId, OwnerName: null })
            values = values with { OwnerName = await userNames.ResolveAsync(context.Api, ownerId, context.BeforeAck) };
        var submission = new StakeholderSubmission(mapId, null, metadata.SubmissionId, values, metadata.ShortForm);
        var saved = await capture.SubmitAsync(mapId, submission, metadata.Link, request, cancellationToken);
        switch (saved.Reply)
        {
            case StakeholderFormView { Errors.Count: > 0 } rejected:
                return new ViewErrorsResponse(StakeholderModalRenderer.ErrorsByBlock(rejected.Errors, metadata.ShortForm));
            case NoticeView notice:
                return SlackViewErrors.One(SlackBotIds.CaptureAccount, notice.Text);
        }

        context.Say(saved, metadata.ChannelId);
        return null;
    }

    /// <summary>Bare mentions (<c>&lt;@U123&gt;</c>) spelt out with the member's name, so the form can offer them; a few at most, within the ack budget.</summary>
    private async Task<string?> NamedMentionsAsync(string? text, SlackListenerContext context)
    {
        if (string.IsNullOrEmpty(text))
            return text;
        foreach (var id in BareMention().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Take(MaxResolvedMentions))
        {
            if (await userNames.ResolveAsync(context.Api, id, context.BeforeAck) is { Length: > 0 } name && !name.Contains('>', StringComparison.Ordinal))
                text = text.Replace($"<@{id}>", $"<@{id}|{name}>", StringComparison.Ordinal);
        }

        return text;
    }

    private async Task<string?> PermalinkAsync(SlackListenerContext context, string? channel, string? ts)
    {
        if (channel is not { Length: > 0 } || ts is not { Length: > 0 })
            return null;
        try
        {
            return (await context.Api.GetPermalinkAsync(channel, ts, context.BeforeAck)).Permalink;
        }
        catch (SlackApiException e)
        {
            Log.CapturePermalinkFailed(logger, context.Team.ToString(), e.Error);
            return null;
        }
    }

    [GeneratedRegex(@"<@([UW][A-Z0-9]{2,})>", RegexOptions.CultureInvariant, 200)]
    private static partial Regex BareMention();
}
