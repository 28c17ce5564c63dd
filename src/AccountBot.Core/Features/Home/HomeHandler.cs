using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Nudges;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Home;

/// <summary>
/// <c>map mine</c>: "Your accounts" for the asker, within their workspace only, and only maps they may see where they ask
/// (<see cref="RequestContext.Sees"/>: a private map they own is theirs everywhere; someone else's only in its channels).
/// "Today" (what is overdue) is the asker's own date, read as their due-steps nudge reads it (<see cref="NudgePlanner.TodayOf"/>).
/// </summary>
public sealed class HomeHandler(
    IAccountMapStore store,
    IChannelSettingsStore channelSettings,
    INotifySettingsStore notifySettings,
    NudgePlanner nudges,
    MapViewFactory views,
    TimeProvider time) : ICommandHandler<ShowHome>
{
    /// <summary>How many maps, people and changes the home lists; the rest are counted.</summary>
    public const int MapsShown = 10;

    public const int StepsShown = 15;

    public const int ChangesShown = 10;

    /// <summary>How far back "recent changes" go.</summary>
    public static readonly TimeSpan RecentChanges = TimeSpan.FromDays(7);

    /// <summary>How many of the user's maps are read for recent changes (the most recently active first), and how many entries each.</summary>
    public const int HistoryMaps = 25;

    public const int HistoryPerMap = 20;

    public async Task<Reply> HandleAsync(ShowHome command, RequestContext context, CancellationToken cancellationToken) =>
        await BuildAsync(context, cancellationToken).ConfigureAwait(false);

    /// <summary>The home of <c>context.User</c> (what an adapter publishes without a command, e.g. Slack's App Home).</summary>
    public async Task<HomeView> BuildAsync(RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        var userId = context.User.Id;
        var all = (await store.ListAsync(context.Workspace, cancellationToken).ConfigureAwait(false))
            .Where(m => m.Workspace == context.Workspace)
            .ToList();
        var maps = all.Where(context.Sees).ToList();
        var today = await TodayAsync(context, all, now, cancellationToken).ConfigureAwait(false);

        var owned = maps.Where(m => string.Equals(m.Owner.Id, userId, StringComparison.Ordinal))
            .OrderByDescending(m => m.LastActivity).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var homeMaps = owned.Take(MapsShown)
            .Select(m => new HomeMap(m.Name, m.Stakeholders.Count(s => s.IsActive), views.Gaps(m).Count, m.IsPrivate, CommandText.Map(m.Name).Open))
            .ToList();

        var steps = maps
            .SelectMany(m => m.Stakeholders
                .Where(s => s.IsActive && s.RelationshipOwner is { } o && string.Equals(o.Id, userId, StringComparison.Ordinal))
                .Select(s => Step(m, s, today)))
            .OrderBy(s => Rank(s))
            .ThenBy(s => s.Due ?? DateOnly.MaxValue)
            .ThenBy(s => s.MapName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.PersonName, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var changes = new List<HomeChange>();
        foreach (var map in owned.Take(HistoryMaps))
        {
            var history = await store.GetHistoryAsync(context.Workspace, map.Id, HistoryPerMap, cancellationToken).ConfigureAwait(false);
            changes.AddRange(history
                .Where(h => h.At >= now - RecentChanges && !string.Equals(h.By.Id, userId, StringComparison.Ordinal))
                .Select(h => new HomeChange(map.Name, h.At, h.By.Name, h.Summary, CommandText.Map(map.Name).Open)));
        }

        var recent = changes.OrderByDescending(c => c.At).ToList();
        return new HomeView(
            context.User.Name, today,
            homeMaps, owned.Count,
            steps.Take(StepsShown).ToList(), steps.Count,
            recent.Take(ChangesShown).ToList(), recent.Count);
    }

    // The same maps and settings the nudge planner reads, so home and the nudge never disagree on what is overdue.
    private async Task<DateOnly> TodayAsync(RequestContext context, IReadOnlyList<AccountMap> maps, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var setting = await notifySettings.GetAsync(context.Workspace, context.User.Id, cancellationToken).ConfigureAwait(false);
        var channels = (await channelSettings.ListAsync(context.Workspace, cancellationToken).ConfigureAwait(false))
            .Where(c => c.Workspace == context.Workspace)
            .ToDictionary(c => c.ChannelId, StringComparer.Ordinal);
        return nudges.TodayOf(context.User.Id, maps, channels, setting, now);
    }

    private static HomeStep Step(AccountMap map, Stakeholder person, DateOnly today)
    {
        var hasStep = !string.IsNullOrWhiteSpace(person.NextStep) || person.NextStepDue is not null;
        var commands = CommandText.Map(map.Name);
        return new HomeStep(
            map.Name, person.Name, person.NextStep, person.NextStepDue,
            Overdue: person.NextStepDue is { } due && due < today,
            commands.Open,
            hasStep ? commands.Done(PersonRef.ForId(person.Id)) : null);
    }

    // Overdue first, then steps with a date, then steps without one, then people with no next step at all.
    private static int Rank(HomeStep step) => step switch
    {
        { Overdue: true } => 0,
        { Due: not null } => 1,
        { DoneCommand: not null } => 2,
        _ => 3,
    };
}
