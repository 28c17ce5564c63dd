using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Capture;

/// <summary>
/// Capture from a message (Slack's message shortcut, Teams' message action): opens the stakeholder form prefilled from
/// the message on an account the user may see, lists the accounts they may pick (the channel's linked maps first; a
/// private map only where <see cref="RequestContext.Sees"/> allows), and saves through the one stakeholder form with the
/// message's link kept in the history.
/// </summary>
public sealed class CaptureHandler(IAccountMapStore store, StakeholderFormHandler forms)
{
    /// <summary>At most this many accounts are offered at once (Slack's and Teams' option lists).</summary>
    public const int MaxAccounts = 100;

    /// <summary>The accounts the user may add to here, matching <paramref name="typed"/>: the channel's linked maps first, then by name.</summary>
    public async Task<IReadOnlyList<AccountMap>> AccountsAsync(RequestContext context, string? typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var linked = await store.ListLinkedToChannelAsync(context.Workspace, context.Channel.Id, cancellationToken);
        var all = await store.ListAsync(context.Workspace, cancellationToken);
        var query = typed?.Trim() ?? string.Empty;
        return [.. linked.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .Concat(all.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase))
            .DistinctBy(m => m.Id)
            .Where(m => context.Sees(m))
            .Where(m => query.Length == 0 || m.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Take(MaxAccounts)];
    }

    /// <summary>The form for <paramref name="message"/>, or a notice when the user can see no map here.</summary>
    public async Task<Reply> OpenAsync(string? message, RequestContext context, CancellationToken cancellationToken)
    {
        var accounts = await AccountsAsync(context, null, cancellationToken);
        if (accounts.Count == 0)
            return new NoticeView(Tone.Info, Sentences.CaptureNoMaps, CommandText.Map("Acme").Create());
        var suggestions = CaptureSuggestionReader.Read(message);
        return new CaptureView(forms.NewForm(accounts[0], CapturePrefill.For(message, suggestions)), suggestions);
    }

    /// <summary>
    /// The form again after a submission that could not be saved on the account it named (gone, or not one the user may
    /// see here): every value as typed, under the same submission id, on the first account the user may pick now; a
    /// notice when there is none.
    /// </summary>
    public async Task<Reply> ReopenAsync(StakeholderSubmission submission, IReadOnlyList<CaptureSuggestion> suggestions, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(suggestions);
        var accounts = await AccountsAsync(context, null, cancellationToken);
        if (accounts.Count == 0)
            return new NoticeView(Tone.Info, Sentences.CaptureNoMaps, CommandText.Map("Acme").Create());
        return new CaptureView(forms.NewForm(accounts[0], submission.Values) with { SubmissionId = submission.SubmissionId }, suggestions);
    }

    /// <summary>
    /// Saves the form on the account picked (<paramref name="mapId"/>, which the user must still be able to see here),
    /// keeping <paramref name="source"/> (the message's link) in the history.
    /// </summary>
    public async Task<SaveReply> SubmitAsync(Guid mapId, StakeholderSubmission submission, string? source, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(context);
        if (await store.GetAsync(context.Workspace, mapId, cancellationToken) is not { } map || !context.Sees(map))
            return new SaveReply(SaveOutcome.NotFound, new NoticeView(Tone.Warning, Sentences.CaptureMapGone));
        return await forms.SubmitAsync(submission with { MapId = map.Id, Source = source }, context, cancellationToken);
    }

    /// <summary>The line naming who the message names, or null when it names nobody as a person.</summary>
    public static string? Named(IReadOnlyList<CaptureSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var names = suggestions.Where(s => s.UserId is null).Select(s => s.Title is { Length: > 0 } t ? $"{s.Name} ({t})" : s.Name).ToList();
        return names.Count == 0 ? null : string.Format(CultureInfo.CurrentCulture, Sentences.CaptureNamed, string.Join(", ", names));
    }
}
