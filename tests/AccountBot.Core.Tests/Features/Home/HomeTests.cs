using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Home;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Nudges;
using AccountBot.Core.Views;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Features.Home;

/// <summary><c>map mine</c> ("Your accounts") and <c>map Acme done &lt;person&gt;</c>.</summary>
public sealed class HomeTests : IDisposable
{
    private static readonly UserRef Ana = new("U1", "Ana Rep");
    private static readonly UserRef Bo = new("U2", "Bo Colleague");
    private readonly CoreHarness harness = new();

    public void Dispose() => harness.Dispose();

    private DateOnly Today => DateOnly.FromDateTime(harness.Time.GetUtcNow().UtcDateTime);

    private RequestContext As(UserRef user, string channel = "D-home", WorkspaceKey? workspace = null) =>
        new(workspace ?? CoreHarness.WorkspaceA, user, new ChannelRef(channel, channel));

    private async Task<AccountMap> SeedAsync(string name, UserRef owner, MapVisibility visibility = MapVisibility.Public, WorkspaceKey? workspace = null, params Stakeholder[] people)
    {
        var stamp = new Stamp(harness.Time.GetUtcNow(), owner);
        var created = AccountMap.Create(workspace ?? CoreHarness.WorkspaceA, name, MapKind.Sales, stamp, new ChannelRef("C-" + name, name), visibility);
        var map = created.Map with { Owner = owner, Stakeholders = people };
        var saved = await harness.Store.SaveAsync(created with { Map = map }, CancellationToken.None);
        return saved.Map!;
    }

    private static Stakeholder Person(string name, UserRef? owner = null, string? step = null, DateOnly? due = null, StakeholderStatus status = StakeholderStatus.Active) =>
        new() { Id = Guid.NewGuid(), Name = name, RelationshipOwner = owner, NextStep = step, NextStepDue = due, Status = status };

    private async Task<HomeView> HomeAsync(RequestContext context) => Assert.IsType<HomeView>(await harness.SendAsync("map mine", context));

    [Fact]
    public async Task Home_Empty_SaysSoAndCountsNothing()
    {
        await SeedAsync("Globex", Bo, people: Person("Zed", Bo, "call"));

        var home = await HomeAsync(As(Ana));

        Assert.True(home.IsEmpty);
        Assert.Equal("Ana Rep", home.UserName);
        Assert.Empty(home.Maps);
        Assert.Empty(home.Steps);
    }

    [Fact]
    public async Task Home_ListsOwnedMapsAndOwnedRelationships_OverdueFirst()
    {
        await SeedAsync("Acme", Ana, people:
        [
            Person("No Step", Ana),
            Person("Later", Ana, "demo", Today.AddDays(5)),
            Person("Overdue Old", Ana, "send pricing", Today.AddDays(-10)),
            Person("Undated", Ana, "intro"),
            Person("Overdue New", Ana, "call back", Today.AddDays(-1)),
            Person("Not Mine", Bo, "lunch", Today.AddDays(-3)),
            Person("Gone", Ana, "nothing", Today.AddDays(-20), StakeholderStatus.LeftCompany),
        ]);
        await SeedAsync("Globex", Bo, people: Person("Gina", Ana, "workshop", Today));

        var home = await HomeAsync(As(Ana));

        Assert.Equal(["Acme"], home.Maps.Select(m => m.Name));
        Assert.Equal(["Overdue Old", "Overdue New", "Gina", "Later", "Undated", "No Step"], home.Steps.Select(s => s.PersonName));
        Assert.True(home.Steps[0].Overdue);
        Assert.False(home.Steps[2].Overdue);
        Assert.Null(home.Steps[^1].DoneCommand);
        Assert.StartsWith("map Acme done id:", home.Steps[0].DoneCommand, StringComparison.Ordinal);
        Assert.Equal("map Globex", home.Steps[2].OpenCommand);
        Assert.Contains("overdue since", HomeText.StepLine(home.Steps[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_BoundsEachList_AndCountsTheRest()
    {
        for (var i = 0; i < HomeHandler.MapsShown + 3; i++)
            await SeedAsync($"Map {i:00}", Ana, people: Person($"P{i}", Ana, "call", Today));
        await SeedAsync("Big", Bo, people: [.. Enumerable.Range(0, HomeHandler.StepsShown + 4).Select(i => Person($"Q{i}", Ana, "call", Today.AddDays(1)))]);

        var home = await HomeAsync(As(Ana));

        Assert.Equal(HomeHandler.MapsShown, home.Maps.Count);
        Assert.Equal(HomeHandler.MapsShown + 3, home.MapsTotal);
        Assert.Equal(HomeHandler.StepsShown, home.Steps.Count);
        Assert.Equal(HomeHandler.MapsShown + 3 + HomeHandler.StepsShown + 4, home.StepsTotal);
        Assert.Equal("and 3 more", HomeText.More(home.MapsTotal, home.Maps.Count));
        Assert.Null(HomeText.More(2, 2));
    }

    [Fact]
    public async Task Home_StaysInTheUsersWorkspace()
    {
        await SeedAsync("Acme", Ana, people: Person("Jane", Ana, "call", Today));
        await SeedAsync("Other Co", Ana, workspace: CoreHarness.WorkspaceB, people: Person("Olga", Ana, "call", Today));

        var home = await HomeAsync(As(Ana));
        var there = await HomeAsync(As(Ana, workspace: CoreHarness.WorkspaceB));

        Assert.Equal(["Acme"], home.Maps.Select(m => m.Name));
        Assert.Equal(["Jane"], home.Steps.Select(s => s.PersonName));
        Assert.Equal(["Other Co"], there.Maps.Select(m => m.Name));
    }

    [Fact]
    public async Task Home_PrivateMaps_OwnersEverywhere_OthersOnlyInTheirChannels()
    {
        await SeedAsync("Secret", Ana, MapVisibility.Private, people: Person("Sam", Ana, "call", Today));
        await SeedAsync("Hidden", Bo, MapVisibility.Private, people: Person("Hana", Ana, "call", Today));

        var home = await HomeAsync(As(Ana));
        var inItsChannel = await HomeAsync(As(Ana, "C-Hidden"));

        Assert.Equal(["Secret"], home.Maps.Select(m => m.Name));
        Assert.True(home.Maps[0].IsPrivate);
        Assert.Equal(["Sam"], home.Steps.Select(s => s.PersonName));
        Assert.Contains("Hana", inItsChannel.Steps.Select(s => s.PersonName));
    }

    [Fact]
    public async Task Home_RecentChanges_ByOthers_LastSevenDays_NewestFirst()
    {
        await SeedAsync("Acme", Ana);
        await harness.SendAsync("map Acme add Old Olly, CFO", As(Bo));
        harness.Time.Advance(TimeSpan.FromDays(6));
        await harness.SendAsync("map Acme add First Fay, CTO", As(Bo));
        harness.Time.Advance(TimeSpan.FromHours(1));
        await harness.SendAsync("map Acme add Own Change, CEO", As(Ana));
        harness.Time.Advance(TimeSpan.FromHours(1));
        await harness.SendAsync("map Acme add Second Sue, COO", As(Bo));
        harness.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(30));

        var home = await HomeAsync(As(Ana));

        Assert.Equal(2, home.ChangesTotal);
        Assert.Collection(home.Changes,
            c => Assert.Contains("Second Sue", c.Summary, StringComparison.Ordinal),
            c => Assert.Contains("First Fay", c.Summary, StringComparison.Ordinal));
        Assert.All(home.Changes, c => Assert.Equal("Bo Colleague", c.ByName));
        Assert.Contains("Bo Colleague on Acme", HomeText.ChangeLine(home.Changes[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_ClearsTheStep_RecordsHistory_AndARetryChangesNothing()
    {
        var map = await SeedAsync("Acme", Ana, people: Person("Jane Doe", Ana, "send pricing", Today.AddDays(-2)));

        var done = Assert.IsType<NoticeView>(await harness.SendAsync("map Acme done \"Jane Doe\"", As(Ana)));
        var again = Assert.IsType<NoticeView>(await harness.SendAsync("map Acme done Jane Doe", As(Ana)));

        Assert.Equal(Tone.Success, done.Tone);
        Assert.Contains("send pricing", done.Text, StringComparison.Ordinal);
        Assert.Equal(Tone.Info, again.Tone);
        Assert.Contains("already done", again.Text, StringComparison.Ordinal);
        var saved = (await harness.Store.GetAsync(CoreHarness.WorkspaceA, map.Id, CancellationToken.None))!;
        var jane = Assert.Single(saved.Stakeholders);
        Assert.Null(jane.NextStep);
        Assert.Null(jane.NextStepDue);
        Assert.Equal(Today, jane.LastContacted);
        var history = await harness.Store.GetHistoryAsync(CoreHarness.WorkspaceA, map.Id, 10, CancellationToken.None);
        Assert.Equal(1, history.Count(h => h.Summary == "marked the next step of Jane Doe done"));
        Assert.Equal(map.Version + 1, saved.Version);
        Assert.DoesNotContain((await HomeAsync(As(Ana))).Steps, s => s.DoneCommand is not null);
    }

    [Fact]
    public async Task Done_ByButtonId_ForAPersonRemovedSince_IsRefusedClearly()
    {
        var jane = Person("Jane Doe", Ana, "send pricing", Today);
        await SeedAsync("Acme", Ana, people: jane);
        var button = (await HomeAsync(As(Ana))).Steps.Single().DoneCommand!;
        await harness.SendAsync("map Acme confirm-remove Jane Doe", As(Ana));

        var refused = Assert.IsType<NoticeView>(await harness.SendAsync(button, As(Ana)));

        Assert.Equal(Tone.Warning, refused.Tone);
        Assert.Contains("no longer on Acme", refused.Text, StringComparison.Ordinal);
        Assert.Equal(CommandText.Map("Acme").Done(PersonRef.ForId(jane.Id)), button);
    }

    [Fact]
    public async Task Done_UnknownName_SuggestsLikeOtherPersonCommands_AndBlankAsksWho()
    {
        await SeedAsync("Acme", Ana, people: Person("Jane Doe", Ana, "call", Today));

        var unknown = Assert.IsType<PersonChoiceView>(await harness.SendAsync("map Acme done Nobody", As(Ana)));
        Assert.Contains("Nobody", unknown.Text, StringComparison.Ordinal);
        var who = Assert.IsType<NoticeView>(await harness.SendAsync("map Acme done", As(Ana)));
        Assert.Contains("Whose next step", who.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("map mine")]
    [InlineData("/map mine")]
    [InlineData("mine")]
    public void Parse_Mine(string text) => Assert.IsType<ShowHome>(CommandParser.Parse(text));

    [Fact]
    public void Parse_Done_AndAMapCalledMineStaysReachable()
    {
        var done = Assert.IsType<MarkStepDone>(CommandParser.Parse("map \"Acme Corp\" done Jane Doe"));
        Assert.Equal("Acme Corp", done.Account);
        Assert.Equal("Jane Doe", done.Person.Text);
        Assert.Equal("map \"mine\"", CommandText.Map("mine").Open);
        Assert.IsType<ShowMap>(CommandParser.Parse(CommandText.Map("mine").Open));
        Assert.Equal("map \"Get done\" done Jane", CommandText.Map("Get done").Done("Jane"));
    }

    [Fact]
    public async Task Help_ShowsTheHomeAndDone_AsCommandsThatParseToThem()
    {
        var help = Assert.IsType<HelpView>(await harness.SendAsync("map help"));

        var mine = Assert.Single(help.Examples, e => e.Command == "map mine");
        Assert.IsType<ShowHome>(CommandParser.Parse(mine.Command));
        Assert.Contains("Your accounts", mine.Description, StringComparison.Ordinal);
        var done = Assert.Single(help.Examples, e => e.Command.EndsWith(" done Jane", StringComparison.Ordinal));
        Assert.IsType<MarkStepDone>(CommandParser.Parse(done.Command));
    }

    // 23:30 UTC on 2 March: already 3 March on Kiritimati (UTC+14) and in Auckland (UTC+13, 12:30: past the nudge time), still 2 March in UTC.
    private static readonly DateTimeOffset LateEveningUtc = new(2026, 3, 2, 23, 30, 0, TimeSpan.Zero);

    private static readonly DateOnly UtcToday = new(2026, 3, 2);

    private async Task<(HomeView Home, PlannedNudge Nudge)> HomeAndNudgeAtLateEveningAsync()
    {
        harness.Time.SetUtcNow(LateEveningUtc);
        await SeedAsync("Acme", Ana, people:
        [
            Person("Due Tomorrow Utc", Ana, "send pricing", UtcToday.AddDays(1)),
            Person("Due Today Utc", Ana, "call back", UtcToday),
        ]);
        var home = await HomeAsync(As(Ana));
        var planner = harness.Get<NudgePlanner>();
        var nudge = Assert.Single(planner.Plan(
            CoreHarness.WorkspaceA,
            await harness.Store.ListAsync(CoreHarness.WorkspaceA, CancellationToken.None),
            await harness.Settings.ListAsync(CoreHarness.WorkspaceA, CancellationToken.None),
            await harness.NotifySettings.ListAsync(CoreHarness.WorkspaceA, CancellationToken.None),
            _ => false));
        return (home, nudge);
    }

    private static void AssertJudgedOnThe3rd(HomeView home, PlannedNudge nudge)
    {
        var local = UtcToday.AddDays(1);
        Assert.Equal(local, home.Today);
        Assert.Equal(NudgeKeys.DueSteps(CoreHarness.WorkspaceA, Ana.Id, local), nudge.Key);
        Assert.Equal(["Due Today Utc", "Due Tomorrow Utc"], home.Steps.Select(s => s.PersonName));
        Assert.True(home.Steps[0].Overdue);
        Assert.Contains("overdue since 2026-03-02", HomeText.StepLine(home.Steps[0]), StringComparison.Ordinal);
        Assert.False(home.Steps[1].Overdue);
        Assert.DoesNotContain("overdue", HomeText.StepLine(home.Steps[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_LateEveningUtc_UsersOwnZoneIsTomorrow_JudgesOverdueByTheirDateAsTheNudgeDoes()
    {
        await harness.NotifySettings.SaveAsync(new NotifySetting(CoreHarness.WorkspaceA, Ana.Id, NotifyMode.Daily, "Pacific/Kiritimati"), CancellationToken.None);

        var (home, nudge) = await HomeAndNudgeAtLateEveningAsync();

        AssertJudgedOnThe3rd(home, nudge);
    }

    [Fact]
    public async Task Home_LateEveningUtc_ChannelZoneIsTomorrow_JudgesOverdueByTheChannelsDateAsTheNudgeDoes()
    {
        await harness.Settings.TrySaveAsync(
            new ChannelSettings { Workspace = CoreHarness.WorkspaceA, ChannelId = "C-Acme", TimeZone = "Pacific/Auckland" },
            CancellationToken.None);

        var (home, nudge) = await HomeAndNudgeAtLateEveningAsync();

        AssertJudgedOnThe3rd(home, nudge);
    }

    [Fact]
    public async Task Home_LateEveningUtc_NoZoneSet_StillTheUtcDate()
    {
        harness.Time.SetUtcNow(LateEveningUtc);
        await SeedAsync("Acme", Ana, people:
        [
            Person("Due Tomorrow Utc", Ana, "send pricing", UtcToday.AddDays(1)),
            Person("Due Today Utc", Ana, "call back", UtcToday),
        ]);

        var home = await HomeAsync(As(Ana));

        Assert.Equal(UtcToday, home.Today);
        Assert.All(home.Steps, s => Assert.False(s.Overdue));
    }
}
