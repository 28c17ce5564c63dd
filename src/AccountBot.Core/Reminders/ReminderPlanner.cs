using System.Globalization;
using System.Text;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Commands;

namespace AccountBot.Core.Reminders;

/// <summary>
/// Decides which channels of a workspace get their weekly digest now, and what it says. Pure: no sending,
/// no storage; the caller passes the maps, the channels' settings and which digests are already done.
/// </summary>
/// <remarks>
/// <para>Per channel (the channels are those the maps are linked to) only the latest scheduled occurrence
/// at or before now is considered, so after any downtime a channel gets one catch-up digest, not one per
/// missed week, and the done-set is asked about one key per channel whatever its history.</para>
/// <para>A digest reports on the accounts that existed at its occurrence and were not snoozed past it,
/// judged as they are now: an account reviewed since the occurrence is not stale.</para>
/// </remarks>
public sealed class ReminderPlanner(ReminderOptions reminders, CoverageOptions coverage, TimeProvider time)
{
    /// <summary>At most this many gaps are spelled out in an item's one-line summary; the rest are counted.</summary>
    public const int MaxGapsInSummary = 5;

    /// <summary>Plans at the current time.</summary>
    public ReminderPlan Plan(
        WorkspaceKey workspace,
        IEnumerable<AccountMap> maps,
        IEnumerable<ChannelSettings> channelSettings,
        Func<DigestKey, bool> isDone) =>
        Plan(workspace, maps, channelSettings, isDone, time.GetUtcNow());

    /// <summary>Plans at <paramref name="now"/>.</summary>
    /// <param name="workspace">The workspace planned; every map and setting must belong to it.</param>
    /// <param name="maps">The workspace's maps.</param>
    /// <param name="channelSettings">The settings of the channels that have any; other channels use the defaults.</param>
    /// <param name="isDone">Whether a digest key is already planned, sent or settled (the outbox).</param>
    /// <param name="now">The planning instant.</param>
    public ReminderPlan Plan(
        WorkspaceKey workspace,
        IEnumerable<AccountMap> maps,
        IEnumerable<ChannelSettings> channelSettings,
        Func<DigestKey, bool> isDone,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(channelSettings);
        ArgumentNullException.ThrowIfNull(isDone);

        var settingsById = IndexSettings(workspace, channelSettings);
        var channels = GroupByChannel(workspace, maps);
        var run = new Run(reminders, coverage, now);
        var digests = new List<PlannedDigest>();
        var settled = new List<DigestKey>();
        var fallbacks = new List<TimeZoneFallback>();
        DateTimeOffset? nextOccurrence = null;

        // Plain null checks rather than `is { } x` patterns: a mutation tool that negates such a pattern leaves the
        // variable unassigned, cannot compile the mutant and then leaves this whole method (the exactly-once rules) untested.
        foreach (var (channelId, linked) in channels.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var settings = settingsById.GetValueOrDefault(channelId);
            var enabled = settings?.RemindersEnabled ?? true;
            var timing = run.Timing(settings);
            if (timing.Schedule.UnknownTimeZone is not null)
            {
                fallbacks.Add(new TimeZoneFallback(channelId, timing.Schedule.UnknownTimeZone, timing.Schedule.TimeZone.Id));
            }

            if (enabled && timing.Next is not null && (nextOccurrence is null || timing.Next < nextOccurrence))
            {
                nextOccurrence = timing.Next;
            }

            if (timing.Latest is null)
            {
                continue;
            }

            var occurrence = timing.Latest.Value;
            var key = timing.Schedule.KeyFor(workspace, channelId, occurrence);
            if (isDone(key))
            {
                continue;
            }

            var digest = enabled ? run.Digest(channelId, linked.Maps, settings, occurrence) : null;
            if (digest is null)
            {
                settled.Add(key);
            }
            else
            {
                var name = settings?.ChannelName;
                var channel = name is null ? linked.Channel : new ChannelRef(channelId, name);
                digests.Add(new PlannedDigest(key, channel, occurrence, digest));
            }
        }

        return new ReminderPlan(digests, settled, fallbacks, nextOccurrence);
    }

    /// <summary>The coverage options of a digest: the channel's stale thresholds, every other rule as configured.</summary>
    internal static CoverageOptions WithThresholds(CoverageOptions options, int staleAfterDays, int staleContactDays) =>
        options.StaleAfterDays == staleAfterDays && options.StaleContactDays == staleContactDays
            ? options
            : new CoverageOptions
            {
                SingleThreadedBelow = options.SingleThreadedBelow,
                StaleAfterDays = staleAfterDays,
                StaleContactDays = staleContactDays,
                WeakChampionPowerAtMost = options.WeakChampionPowerAtMost,
                HighScoreThreshold = options.HighScoreThreshold,
            };

    /// <summary>What is wrong in one line: the gaps in order of seriousness, the tail counted.</summary>
    internal static string Summarize(IReadOnlyList<CoverageGap> gaps)
    {
        var text = new StringBuilder();
        for (var i = 0; i < gaps.Count && i < MaxGapsInSummary; i++)
        {
            text.Append(i == 0 ? string.Empty : "; ").Append(gaps[i].Message);
        }

        if (gaps.Count > MaxGapsInSummary)
        {
            text.Append(CultureInfo.InvariantCulture, $"; and {gaps.Count - MaxGapsInSummary} more");
        }

        return text.ToString();
    }

    private static Dictionary<string, ChannelSettings> IndexSettings(WorkspaceKey workspace, IEnumerable<ChannelSettings> channelSettings)
    {
        var byId = new Dictionary<string, ChannelSettings>(StringComparer.Ordinal);
        foreach (var settings in channelSettings)
        {
            if (settings.Workspace != workspace)
            {
                throw new ArgumentException($"Settings of channel {settings.ChannelId} belong to another workspace.", nameof(channelSettings));
            }

            byId[settings.ChannelId] = settings;
        }

        return byId;
    }

    private static Dictionary<string, LinkedMaps> GroupByChannel(WorkspaceKey workspace, IEnumerable<AccountMap> maps)
    {
        var channels = new Dictionary<string, LinkedMaps>(StringComparer.Ordinal);
        foreach (var map in maps)
        {
            if (map.Workspace != workspace)
            {
                throw new ArgumentException($"Map {map.Id} belongs to another workspace.", nameof(maps));
            }

            foreach (var channel in map.LinkedChannels)
            {
                if (!channels.TryGetValue(channel.Id, out var linked))
                {
                    linked = new LinkedMaps(channel, []);
                    channels.Add(channel.Id, linked);
                }

                linked.Maps.Add(map);
            }
        }

        return channels;
    }

    private sealed record LinkedMaps(ChannelRef Channel, List<AccountMap> Maps);

    private sealed record Timing(ReminderSchedule Schedule, DateTimeOffset? Latest, DateTimeOffset? Next);

    private sealed record Analysis(AccountMap Map, IReadOnlyList<CoverageGap> Gaps, int Severity, bool NoChampion);

    /// <summary>
    /// One planning run. Channels mostly share a few schedules and thresholds, so schedules, occurrences
    /// and a map's gaps are computed once per distinct setting rather than once per channel.
    /// </summary>
    private sealed class Run(ReminderOptions reminders, CoverageOptions coverage, DateTimeOffset now)
    {
        private static readonly Comparison<Analysis> WorstFirst = (a, b) =>
        {
            var order = b.NoChampion.CompareTo(a.NoChampion);
            order = order != 0 ? order : b.Severity.CompareTo(a.Severity);
            order = order != 0 ? order : a.Map.LastActivity.CompareTo(b.Map.LastActivity);
            order = order != 0 ? order : StringComparer.OrdinalIgnoreCase.Compare(a.Map.Name, b.Map.Name);
            return order != 0 ? order : a.Map.Id.CompareTo(b.Map.Id);
        };

        private readonly Dictionary<(DayOfWeek?, TimeOnly?, string?), Timing> timings = [];
        private readonly Dictionary<(int, int), CoverageOptions> coverageByThresholds = [];
        private readonly Dictionary<(Guid, CoverageOptions), Analysis> analyses = [];

        public Timing Timing(ChannelSettings? settings)
        {
            var key = (settings?.ReminderDay, settings?.ReminderTime, settings?.TimeZone);
            if (!timings.TryGetValue(key, out var timing))
            {
                var schedule = ReminderSchedule.For(settings, reminders);
                timing = new Timing(schedule, schedule.LatestAtOrBefore(now), schedule.NextAfter(now));
                timings.Add(key, timing);
            }

            return timing;
        }

        public Digest? Digest(string channelId, List<AccountMap> maps, ChannelSettings? settings, DateTimeOffset occurrence)
        {
            var options = Coverage(
                settings?.StaleAfterDays ?? reminders.StaleAfterDays,
                settings?.StaleContactDays ?? reminders.StaleContactDays);
            var snoozed = Snoozed(settings, occurrence);
            var due = new List<Analysis>();
            foreach (var map in maps)
            {
                // A map created after the occurrence waits for next week: a channel linked mid-week would
                // otherwise get "this week's" digest at once, about a map made minutes ago.
                if (map.Created.At > occurrence || snoozed?.Contains(map.Id) == true)
                {
                    continue;
                }

                var analysis = Analyze(map, options);
                if (analysis.Gaps.Count > 0)
                {
                    due.Add(analysis);
                }
            }

            if (due.Count == 0)
            {
                return null;
            }

            due.Sort(WorstFirst);
            var shown = Math.Min(due.Count, reminders.MaxItems);
            var items = new DigestItem[shown];
            for (var i = 0; i < shown; i++)
            {
                var (map, gaps, severity, _) = due[i];
                items[i] = new DigestItem
                {
                    MapId = map.Id,
                    Name = map.Name,
                    Owner = map.Owner,
                    Gaps = gaps,
                    Summary = Summarize(gaps),
                    Severity = severity,
                    CommandName = CommandParser.Quote(map.Name),
                };
            }

            return new Digest(items, due.Count - shown);
        }

        private static HashSet<Guid>? Snoozed(ChannelSettings? settings, DateTimeOffset occurrence)
        {
            if (settings is null || settings.Snoozes.Count == 0)
            {
                return null;
            }

            return settings.Snoozes.Where(s => s.Until > occurrence).Select(s => s.MapId).ToHashSet();
        }

        private CoverageOptions Coverage(int staleAfterDays, int staleContactDays)
        {
            if (!coverageByThresholds.TryGetValue((staleAfterDays, staleContactDays), out var options))
            {
                options = WithThresholds(coverage, staleAfterDays, staleContactDays);
                coverageByThresholds.Add((staleAfterDays, staleContactDays), options);
            }

            return options;
        }

        private Analysis Analyze(AccountMap map, CoverageOptions options)
        {
            if (!analyses.TryGetValue((map.Id, options), out var analysis))
            {
                var gaps = CoverageAnalyzer.Analyze(map, now, options);
                analysis = new Analysis(
                    map,
                    gaps,
                    gaps.Count == 0 ? 0 : CoverageAnalyzer.Severity(gaps),
                    gaps.Any(g => g.Kind == CoverageGapKind.NoChampion));
                analyses.Add((map.Id, options), analysis);
            }

            return analysis;
        }
    }
}
