using System.Text.Json;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Slack;
using AccountBot.Slack.Rendering;
using AccountBot.Teams.Rendering;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Host.Tests.Views;

/// <summary>
/// Issue 16 §4: the weekly digest names an overdue next step of a champion, decision maker or signer. The digest is
/// planned from a map by the real planner and drawn by both platforms' renderers, so a slip in the gap, the planner's
/// summary or either rendering shows here.
/// </summary>
public sealed class DigestOverdueStepTests
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0DIGEST");

    // Monday 09:00 UTC: the default digest time.
    private static readonly DateTimeOffset Monday0900 = MapBuilder.DefaultTime;

    private static readonly DateOnly LastFriday = DateOnly.FromDateTime(Monday0900.UtcDateTime).AddDays(-3);

    private static Digest PlanDigest(AccountMap map)
    {
        var planner = new ReminderPlanner(new ReminderOptions(), new CoverageOptions(), new FakeTimeProvider(Monday0900));
        var planned = Assert.Single(planner.Plan(Workspace, [map], [], _ => false, Monday0900).Digests);
        return planned.Digest;
    }

    private static AccountMap Covered(Func<StakeholderBuilder, StakeholderBuilder> champion) =>
        MapBuilder.For(Workspace).Named("Acme").At(Monday0900).LinkedTo("C0DEALS", "deals")
            .WithStakeholder("Jane Doe", p => champion(p.WithRoles(Role.Champion).WithScores(4, 4).OwnedBy(MapBuilder.DefaultUser)))
            .WithStakeholder("Omar Haddad", p => p.WithRoles(Role.DecisionMaker | Role.Signer).WithScores(5, 3).OwnedBy(MapBuilder.DefaultUser))
            .WithStakeholder("Liz Park", p => p.WithRoles(Role.Influencer).WithScores(2, 3))
            .Build();

    [Fact]
    public void Digest_ChampionsStepOverdue_SlackAndTeamsBothListTheGap()
    {
        var digest = PlanDigest(Covered(p => p.WithNextStep("send pricing", LastFriday)));

        var item = Assert.Single(digest.Items);
        var gap = Assert.Single(item.Gaps);
        Assert.Equal(CoverageGapKind.OverdueNextStep, gap.Kind);
        const string Expected = "Jane Doe (champion) has an overdue next step (due 2025-02-28)";
        Assert.Equal(Expected, gap.Message);
        Assert.Contains(Expected, item.Summary, StringComparison.Ordinal);

        Assert.Contains(SlackTexts(digest), t => t.Contains("Acme", StringComparison.Ordinal) && t.Contains(Expected, StringComparison.Ordinal));
        Assert.Contains(TeamsTexts(digest), t => t.Contains(Expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Digest_ChampionsStepDueToday_NoDigestAtAll()
    {
        var map = Covered(p => p.WithNextStep("send pricing", DateOnly.FromDateTime(Monday0900.UtcDateTime)));
        var planner = new ReminderPlanner(new ReminderOptions(), new CoverageOptions(), new FakeTimeProvider(Monday0900));

        Assert.Empty(planner.Plan(Workspace, [map], [], _ => false, Monday0900).Digests);
    }

    private static List<string> SlackTexts(Digest digest)
    {
        var json = JsonSerializer.SerializeToElement(new SlackMessageRenderer().Render(digest), SlackJsonContext.Default.SlackMessage);
        return Strings(json).ToList();
    }

    private static List<string> TeamsTexts(Digest digest)
    {
        var activity = new TeamsCardRenderer().RenderMessage(digest);
        return Strings(activity.Attachments![0].Content!.Value).ToList();
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
