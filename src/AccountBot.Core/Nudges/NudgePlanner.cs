using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using AccountBot.Core.Text;

namespace AccountBot.Core.Nudges;

/// <summary>
/// Decides which relationship owners get their due-steps nudge now. Pure, as <see cref="ReminderPlanner"/>: the caller
/// passes the maps, the channels' and users' settings, and which keys are already done (the outbox).
/// </summary>
/// <remarks>
/// A person's day is read in their own zone (<c>map notify</c>'s setting), else the zone of the first channel (by map
/// name) linked to a map holding one of their steps, else <see cref="ReminderOptions.TimeZone"/>; the message goes at or
/// after that channel's reminder time (else <see cref="ReminderOptions.Time"/>), once a day (key: user and local date),
/// or once a week on the reminder day for <see cref="NotifyMode.Weekly"/>, never for <see cref="NotifyMode.Off"/>.
/// </remarks>
public sealed class NudgePlanner(ReminderOptions reminders, TimeProvider time)
{
    /// <summary>What the Snooze button moves a due date by.</summary>
    public const string SnoozeSpan = "day";

    public IReadOnlyList<PlannedNudge> Plan(
        WorkspaceKey workspace,
        IEnumerable<AccountMap> maps,
        IEnumerable<ChannelSettings> channelSettings,
        IEnumerable<NotifySetting> notifySettings,
        Func<DigestKey, bool> isDone) =>
        Plan(workspace, maps, channelSettings, notifySettings, isDone, time.GetUtcNow());

    public IReadOnlyList<PlannedNudge> Plan(
        WorkspaceKey workspace,
        IEnumerable<AccountMap> maps,
        IEnumerable<ChannelSettings> channelSettings,
        IEnumerable<NotifySetting> notifySettings,
        Func<DigestKey, bool> isDone,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(channelSettings);
        ArgumentNullException.ThrowIfNull(notifySettings);
        ArgumentNullException.ThrowIfNull(isDone);
        var channels = channelSettings.Where(c => c.Workspace == workspace).ToDictionary(c => c.ChannelId, StringComparer.Ordinal);
        var users = notifySettings.Where(n => n.Workspace == workspace).ToDictionary(n => n.UserId, StringComparer.Ordinal);
        var byOwner = new Dictionary<string, List<(AccountMap Map, Stakeholder Person)>>(StringComparer.Ordinal);
        foreach (var map in maps.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (map.Workspace != workspace)
            {
                throw new ArgumentException($"Map {map.Id} belongs to another workspace.", nameof(maps));
            }

            foreach (var person in map.Stakeholders)
            {
                if (HasDatedStep(person) && person.RelationshipOwner is { } owner)
                {
                    if (!byOwner.TryGetValue(owner.Id, out var steps))
                    {
                        byOwner.Add(owner.Id, steps = []);
                    }

                    steps.Add((map, person));
                }
            }
        }

        var planned = new List<PlannedNudge>();
        foreach (var (ownerId, steps) in byOwner.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var setting = users.GetValueOrDefault(ownerId);
            var mode = setting?.Mode ?? NotifyMode.Daily;
            if (mode == NotifyMode.Off)
            {
                continue;
            }

            var (_, sendAt, day, local) = DayOf(ownerId, steps.Select(s => s.Map), channels, setting, now);
            var today = DateOnly.FromDateTime(local.DateTime);
            if (TimeOnly.FromDateTime(local.DateTime) < sendAt || (mode == NotifyMode.Weekly && local.DayOfWeek != day))
            {
                continue;
            }

            var due = steps.Where(s => s.Person.NextStepDue <= today)
                .OrderBy(s => s.Person.NextStepDue)
                .ThenBy(s => s.Person.Name, StringComparer.OrdinalIgnoreCase)
                .Select(s => new NudgeStep(s.Map.Id, s.Map.Name, s.Person.Id, s.Person.Name, s.Person.NextStep!, s.Person.NextStepDue!.Value))
                .ToList();
            var key = NudgeKeys.DueSteps(workspace, ownerId, today);
            if (due.Count == 0 || isDone(key))
            {
                continue;
            }

            var recipient = steps[0].Person.RelationshipOwner!;
            planned.Add(new PlannedNudge(key, new Nudge(NudgeOccasion.DueSteps, recipient, Title(due), [.. due.Select(s => Line(s, today))], due)));
        }

        return planned;
    }

    /// <summary>
    /// The date it is now for <paramref name="ownerId"/> by the rule of the remarks above (their own zone, else the zone
    /// of the first channel, by map name, linked to a map holding one of their dated steps, else the default): the day
    /// their nudge is keyed by and the day "due today" and "overdue" are judged by, here and in their home.
    /// </summary>
    /// <param name="maps">The workspace's maps (any order; those holding none of the owner's dated steps are skipped).</param>
    /// <param name="channels">The workspace's channel settings by channel id.</param>
    public DateOnly TodayOf(
        string ownerId,
        IEnumerable<AccountMap> maps,
        IReadOnlyDictionary<string, ChannelSettings> channels,
        NotifySetting? setting,
        DateTimeOffset now) =>
        DateOnly.FromDateTime(DayOf(ownerId, maps, channels, setting, now).Local.DateTime);

    private (ChannelSettings? Channel, TimeOnly SendAt, DayOfWeek Day, DateTimeOffset Local) DayOf(
        string ownerId,
        IEnumerable<AccountMap> maps,
        IReadOnlyDictionary<string, ChannelSettings> channels,
        NotifySetting? setting,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(channels);
        var channel = maps
            .Where(m => m.Stakeholders.Any(p => HasDatedStep(p) && string.Equals(p.RelationshipOwner!.Id, ownerId, StringComparison.Ordinal)))
            .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .SelectMany(m => m.LinkedChannels)
            .Select(c => channels.GetValueOrDefault(c.Id))
            .FirstOrDefault(c => c is not null);
        var sendAt = channel?.ReminderTime ?? reminders.Time;
        var day = channel?.ReminderDay ?? reminders.Day;
        var zone = ReminderSchedule.Create(ReminderOptions.WeeklyCron(day, sendAt), setting?.TimeZone ?? channel?.TimeZone ?? reminders.TimeZone, reminders.TimeZone).TimeZone;
        return (channel, sendAt, day, TimeZoneInfo.ConvertTime(now, zone));
    }

    /// <summary>A step the nudges speak of: an active person's, with an owner, a text and a due date.</summary>
    private static bool HasDatedStep(Stakeholder person) =>
        person is { IsActive: true, RelationshipOwner: not null, NextStepDue: not null, NextStep.Length: > 0 };

    private static string Title(List<NudgeStep> due) => due.Count == 1
        ? Format(Sentences.NudgeDueTitleOne, due[0].Name)
        : Format(Sentences.NudgeDueTitleMany, due.Count);

    private static string Line(NudgeStep step, DateOnly today) => step.Due == today
        ? Format(Sentences.NudgeDueLineToday, step.Name, step.Account, step.NextStep)
        : Format(Sentences.NudgeDueLineOverdue, step.Name, step.Account, step.NextStep, step.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    internal static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}
