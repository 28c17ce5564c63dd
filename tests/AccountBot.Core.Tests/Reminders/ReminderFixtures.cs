using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Core.Settings;

namespace AccountBot.Core.Tests.Reminders;

/// <summary>Maps and settings for the reminder tests.</summary>
internal static class ReminderFixtures
{
    public static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");
    public static readonly UserRef Ana = new("U1", "Ana Rep");
    public static readonly UserRef Bo = new("U2", "Bo Seller");
    public static readonly ChannelRef Deals = new("C1", "deals");
    public static readonly ChannelRef Emea = new("C2", "emea");

    /// <summary>Monday 2 March 2026, 09:00 UTC: the default schedule's occurrence of ISO week 2026-W10.</summary>
    public static readonly DateTimeOffset Monday0900 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset LongAgo = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Stakeholder Person(string name, Role roles = Role.None, int power = 3) =>
        new() { Id = Guid.NewGuid(), Name = name, Roles = roles, Power = power };

    /// <summary>A map with no gaps as long as it was reviewed recently.</summary>
    public static AccountMap Covered(string name, DateTimeOffset reviewed, params ChannelRef[] channels) =>
        Map(name, reviewed, channels) with
        {
            Stakeholders =
            [
                Person("Dana", Role.DecisionMaker | Role.Signer, power: 5) with { RelationshipOwner = Ana },
                Person("Chris", Role.Champion, power: 3),
                Person("Eve", Role.EndUser, power: 2),
            ],
        };

    /// <summary>A map with nobody on it: no champion, decision maker or signer, single-threaded.</summary>
    public static AccountMap Map(string name, DateTimeOffset reviewed, params ChannelRef[] channels) => new()
    {
        Id = Guid.NewGuid(),
        Workspace = Workspace,
        Name = name,
        Owner = Bo,
        LinkedChannels = channels.Length == 0 ? [Deals] : channels,
        Created = new Stamp(LongAgo, Bo),
        Updated = new Stamp(LongAgo, Bo),
        LastReviewed = new Stamp(reviewed, Ana),
    };

    public static ChannelSettings ChannelOf(ChannelRef channel) => new() { Workspace = Workspace, ChannelId = channel.Id, ChannelName = channel.Name };
}
