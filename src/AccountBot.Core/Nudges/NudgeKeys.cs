using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;

namespace AccountBot.Core.Nudges;

/// <summary>
/// Nudges share the digest outbox and its exactly-once rules. A nudge's key names a pseudo channel that no platform
/// channel id can be (<c>@{user}/{occasion}</c>) and a date (<c>yyyy-MM-dd</c>) in the place of the week: one entry per
/// workspace, person, occasion and day. Within one pseudo channel a later day supersedes an unsent earlier one, as a
/// later week does a digest.
/// </summary>
public static class NudgeKeys
{
    public const char Marker = '@';

    public static DigestKey DueSteps(WorkspaceKey workspace, string userId, DateOnly localDate) =>
        new(workspace, $"{Marker}{userId}/due", Date(localDate));

    public static DigestKey Event(WorkspaceKey workspace, string userId, NudgeOccasion occasion, Guid mapId, Guid stakeholderId, DateOnly date) =>
        new(workspace, string.Create(CultureInfo.InvariantCulture, $"{Marker}{userId}/{Word(occasion)}:{mapId:N}:{stakeholderId:N}"), Date(date));

    /// <summary>Whether an outbox key is a nudge's rather than a channel digest's.</summary>
    public static bool IsNudge(DigestKey key) => key.ChannelId.StartsWith(Marker);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Word(NudgeOccasion occasion) => occasion switch
    {
        NudgeOccasion.ChampionLeft => "left",
        NudgeOccasion.StakeholderRemoved => "removed",
        _ => "due",
    };
}
