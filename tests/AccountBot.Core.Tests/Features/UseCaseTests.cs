using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Features;

public sealed class UseCaseTests : IDisposable
{
    private readonly CoreHarness harness = new();

    public void Dispose() => harness.Dispose();

    private async Task<MapView> CreateAcmeAsync()
    {
        return Assert.IsType<MapView>(await harness.SendAsync("map Acme Corp create"));
    }

    private async Task<Reply> SubmitAsync(StakeholderFormView form, StakeholderFormValues values, RequestContext? context = null) =>
        (await harness.Dispatcher.SubmitStakeholderAsync(
            new StakeholderSubmission(form.MapId, form.StakeholderId, form.SubmissionId, values), context ?? harness.Context, CancellationToken.None)).Reply;

    private async Task<MapView> AddAsync(string name, string roles = "", string power = "3")
    {
        var form = Assert.IsType<StakeholderFormView>(await harness.SendAsync($"map Acme Corp add {name}"));
        return Assert.IsType<MapView>(await SubmitAsync(form, form.Values with { Roles = roles, Power = power }));
    }

    [Fact]
    public async Task ShowMap_Missing_OffersCreateWithNearMatches()
    {
        await CreateAcmeAsync();
        await harness.SendAsync("map Globex create");

        var reply = Assert.IsType<MapNotFoundView>(await harness.SendAsync("map acme"));

        Assert.Equal(["Acme Corp"], reply.Suggestions);
        Assert.Equal("map acme create", reply.CreateCommand);
    }

    [Fact]
    public async Task ShowMap_TypoStillSuggests()
    {
        await CreateAcmeAsync();
        var reply = Assert.IsType<MapNotFoundView>(await harness.SendAsync("map Acne Corp"));
        Assert.Equal(["Acme Corp"], reply.Suggestions);
    }

    [Fact]
    public async Task CreateMap_LinksChannelAndAnnounces()
    {
        var map = await CreateAcmeAsync();

        Assert.Equal(ReplyVisibility.Channel, map.Visibility);
        Assert.Equal(1, map.LinkedChannelCount);
        Assert.Contains("created the sales map Acme Corp", map.Notice, StringComparison.Ordinal);
        Assert.Contains(map.Gaps, g => g.Kind == CoverageGapKind.NoChampion);
    }

    [Fact]
    public async Task CreateMap_Twice_KeepsOneMap()
    {
        await CreateAcmeAsync();
        var again = Assert.IsType<MapView>(await harness.SendAsync("map ACME corp create"));
        Assert.Equal("Acme Corp already has a map.", again.Notice);
        Assert.Single(await harness.Store.ListAsync(CoreHarness.WorkspaceA, CancellationToken.None));
    }

    [Fact]
    public async Task AddForm_PrefillsNameAndOffersPeople()
    {
        await CreateAcmeAsync();
        await AddAsync("Bob Boss");

        var form = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme Corp add Jane Doe"));

        Assert.Equal(FormMode.Add, form.Mode);
        Assert.Equal("Jane Doe", form.Values.Name);
        Assert.Equal("Bob Boss", Assert.Single(form.People).Name);
        Assert.Empty(form.Errors);
    }

    [Fact]
    public async Task SubmitForm_AddsChampionAndMapShowsHer()
    {
        await CreateAcmeAsync();
        var map = await AddAsync("Jane Doe", roles: "Champion", power: "4");

        Assert.Equal("Ana Rep added Jane Doe.", map.Notice);
        var group = Assert.Single(map.Groups);
        Assert.Equal(Role.Champion, group.Role);
        Assert.Equal("Jane Doe", Assert.Single(group.People).Name);
        Assert.DoesNotContain(map.Gaps, g => g.Kind == CoverageGapKind.NoChampion);
    }

    [Fact]
    public async Task SubmitForm_Twice_AddsOnePerson()
    {
        await CreateAcmeAsync();
        var form = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme Corp add Jane Doe"));

        await SubmitAsync(form, form.Values);
        var second = Assert.IsType<MapView>(await SubmitAsync(form, form.Values));

        Assert.Equal(1, second.ActiveCount);
        var history = await harness.Store.GetHistoryAsync(CoreHarness.WorkspaceA, form.MapId, 10, CancellationToken.None);
        Assert.Equal(2, history.Count);
    }

    [Fact]
    public async Task SubmitForm_BadInput_ErrorsNextToFieldsAndInputKept()
    {
        await CreateAcmeAsync();
        var form = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme Corp add"));
        var typed = form.Values with { Name = "", Email = "jane-at-acme", Power = "9", Notes = "met at the fair" };

        var rejected = Assert.IsType<StakeholderFormView>(await SubmitAsync(form, typed));

        Assert.Equal(typed, rejected.Values);
        Assert.Equal(form.SubmissionId, rejected.SubmissionId);
        Assert.Contains(StakeholderFields.Power, rejected.Errors.Keys);
        var fixedPower = rejected.Values with { Power = "4" };
        var second = Assert.IsType<StakeholderFormView>(await SubmitAsync(rejected, fixedPower));
        Assert.Equal("Name is required.", second.Errors[StakeholderFields.Name]);
        Assert.Equal("E-mail must look like name@example.com.", second.Errors[StakeholderFields.Email]);
        Assert.Empty((await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme Corp", CancellationToken.None))!.Stakeholders);
    }

    [Fact]
    public async Task SubmitForm_ReportsToCycle_Rejected()
    {
        await CreateAcmeAsync();
        await AddAsync("Ceo");
        var ceo = (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme Corp", CancellationToken.None))!.Stakeholders[0];
        var form = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme Corp add Cfo"));
        await SubmitAsync(form, form.Values with { ReportsToId = ceo.Id.ToString() });

        var edit = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme Corp edit Ceo"));
        var cfoId = edit.People.Single(p => p.Name == "Cfo").Id;
        var rejected = Assert.IsType<StakeholderFormView>(await SubmitAsync(edit, edit.Values with { ReportsToId = cfoId.ToString() }));

        Assert.Contains("reporting loop", rejected.Errors[StakeholderFields.ReportsTo], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditForm_IsPrefilledAndSaves()
    {
        await CreateAcmeAsync();
        await AddAsync("Jane Doe", roles: "Champion,Signer");

        var edit = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme Corp edit jane"));
        Assert.Equal("Signer,Champion", edit.Values.Roles);
        Assert.Equal(FormMode.Edit, edit.Mode);

        var saved = Assert.IsType<MapView>(await SubmitAsync(edit, edit.Values with { Title = "CFO" }));
        Assert.Equal("CFO", saved.Groups.SelectMany(g => g.People).Single().Title);
    }

    [Fact]
    public async Task SubmitForm_MapOfAnotherWorkspace_NothingChanges()
    {
        await CreateAcmeAsync();
        var form = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme Corp add"));
        var intruder = harness.Context with { Workspace = CoreHarness.WorkspaceB };

        var reply = Assert.IsType<NoticeView>(await SubmitAsync(form, form.Values with { Name = "Mallory" }, intruder));

        Assert.Contains("no longer exists", reply.Text, StringComparison.Ordinal);
        Assert.Empty((await harness.Store.GetAsync(CoreHarness.WorkspaceA, form.MapId, CancellationToken.None))!.Stakeholders);
    }

    [Fact]
    public async Task Workspaces_NeverSeeEachOthersMaps()
    {
        await CreateAcmeAsync();
        var other = harness.Context with { Workspace = CoreHarness.WorkspaceB };

        Assert.IsType<MapNotFoundView>(await harness.SendAsync("map Acme Corp", other));
        var suggestions = Assert.IsType<MapNotFoundView>(await harness.SendAsync("map Acme", other)).Suggestions;
        Assert.Empty(suggestions);
        Assert.Equal(0, Assert.IsType<MapListView>(await harness.SendAsync("map list", other)).TotalCount);
        Assert.IsType<MapView>(await harness.SendAsync("map Acme Corp create", other));
        Assert.Equal(2, (await harness.Store.ListAsync(CoreHarness.WorkspaceA, CancellationToken.None)).Count
            + (await harness.Store.ListAsync(CoreHarness.WorkspaceB, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Tag_ByPartialName_UpdatesRoles()
    {
        await CreateAcmeAsync();
        await AddAsync("Jane Doe");

        var map = Assert.IsType<MapView>(await harness.SendAsync("map Acme Corp tag jane economic buyer"));

        Assert.Equal("Ana Rep tagged Jane Doe as decision maker, signer.", map.Notice);
        Assert.Equal(Role.DecisionMaker | Role.Signer, map.Groups.Single().People.Single().Roles);
    }

    [Fact]
    public async Task Tag_Ambiguous_AsksWhichOne()
    {
        await CreateAcmeAsync();
        await AddAsync("Jane Doe");
        await AddAsync("Jane Roe");

        var reply = Assert.IsType<PersonChoiceView>(await harness.SendAsync("map Acme Corp tag Jane champion"));

        Assert.Equal(2, reply.Choices.Count);
        Assert.StartsWith("map Acme Corp tag id:", reply.Choices[0].Command, StringComparison.Ordinal);
        var picked = Assert.IsType<MapView>(await harness.SendAsync(reply.Choices[0].Command));
        Assert.Contains("tagged Jane Doe as champion", picked.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tag_Unknown_SuggestsNearNames()
    {
        await CreateAcmeAsync();
        await AddAsync("Jane Doe");

        var reply = Assert.IsType<PersonChoiceView>(await harness.SendAsync("map Acme Corp tag Jame Doe champion"));

        Assert.StartsWith("Nobody on Acme Corp is called \"Jame Doe\"", reply.Text, StringComparison.Ordinal);
        Assert.Equal("Jane Doe", Assert.Single(reply.Choices).Label);
    }

    [Fact]
    public async Task Remove_AsksThenRemovesAndKeepsHistory()
    {
        await CreateAcmeAsync();
        await AddAsync("Jane Doe");

        var confirm = Assert.IsType<ConfirmRemoveView>(await harness.SendAsync("map Acme Corp remove Jane"));
        Assert.Equal(1, Assert.IsType<MapView>(await harness.SendAsync("map Acme Corp")).ActiveCount);

        var map = Assert.IsType<MapView>(await harness.SendAsync(confirm.ConfirmCommand));
        Assert.Equal(0, map.ActiveCount);

        var history = Assert.IsType<HistoryView>(await harness.SendAsync("map Acme Corp history"));
        Assert.Equal(["removed Jane Doe", "added Jane Doe", "created the sales map Acme Corp"], history.Entries.Select(e => e.Summary));
        Assert.All(history.Entries, e => Assert.Equal("Ana Rep", e.By.Name));
    }

    [Fact]
    public async Task MarkReviewed_ClearsStaleGap()
    {
        await CreateAcmeAsync();
        harness.Time.Advance(TimeSpan.FromDays(40));
        Assert.Contains(Assert.IsType<MapView>(await harness.SendAsync("map Acme Corp")).Gaps, g => g.Kind == CoverageGapKind.StaleMap);

        var reviewed = Assert.IsType<MapView>(await harness.SendAsync("map Acme Corp reviewed"));

        Assert.DoesNotContain(reviewed.Gaps, g => g.Kind == CoverageGapKind.StaleMap);
        Assert.Equal(harness.Time.GetUtcNow(), reviewed.LastReviewed!.At);
    }

    [Fact]
    public async Task LinkAndUnlink_ChangeWhereRemindersGo()
    {
        await CreateAcmeAsync();
        var elsewhere = harness.Context with { Channel = new ChannelRef("C2", "exec") };

        Assert.IsType<NoticeView>(await harness.SendAsync("map Acme Corp link", elsewhere));
        var settings = Assert.IsType<SettingsView>(await harness.SendAsync("map settings", elsewhere));
        Assert.Equal(["Acme Corp"], settings.LinkedAccounts);

        var unlinked = Assert.IsType<NoticeView>(await harness.SendAsync("map Acme Corp unlink", elsewhere));
        Assert.Equal(Tone.Success, unlinked.Tone);
        Assert.Empty(Assert.IsType<SettingsView>(await harness.SendAsync("map settings", elsewhere)).LinkedAccounts);
        Assert.Equal(Tone.Info, Assert.IsType<NoticeView>(await harness.SendAsync("map Acme Corp unlink", elsewhere)).Tone);
    }

    [Fact]
    public async Task List_WorstGapsFirst()
    {
        await CreateAcmeAsync();
        await AddAsync("Dana", roles: "DecisionMaker,Signer");
        await AddAsync("Chris", roles: "Champion");
        await AddAsync("Eve", roles: "EndUser");
        await harness.SendAsync("map Globex create");

        var list = Assert.IsType<MapListView>(await harness.SendAsync("map list"));

        Assert.Equal(["Globex", "Acme Corp"], list.Maps.Select(m => m.Name));
        Assert.Empty(list.Maps[1].Gaps);
    }

    [Fact]
    public async Task Settings_DefaultsThenOverrides()
    {
        var defaults = Assert.IsType<SettingsView>(await harness.SendAsync("map settings"));
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(9, 0), "Etc/UTC", 30), (defaults.Day, defaults.Time, defaults.TimeZone, defaults.StaleAfterDays));

        var changed = Assert.IsType<SettingsView>(await harness.SendAsync("map settings day fri time 16:00 tz America/New_York"));
        Assert.Equal((DayOfWeek.Friday, new TimeOnly(16, 0), "America/New_York", 30), (changed.Day, changed.Time, changed.TimeZone, changed.StaleAfterDays));

        var bad = Assert.IsType<NoticeView>(await harness.SendAsync("map settings tz Mars/Olympus"));
        Assert.Equal(Tone.Error, bad.Tone);
        Assert.Equal("America/New_York", Assert.IsType<SettingsView>(await harness.SendAsync("map settings")).TimeZone);
    }

    [Fact]
    public async Task Picture_Grid_PlacesPeopleInQuadrants()
    {
        await CreateAcmeAsync();
        await AddAsync("Jane Doe", roles: "Champion", power: "5");

        var picture = Assert.IsType<PictureView>(await harness.SendAsync("map Acme Corp grid"));

        Assert.Equal(["Manage closely", "Keep satisfied", "Keep informed", "Monitor"], picture.Sections.Select(s => s.Heading));
        Assert.Equal("Jane Doe — power 5, interest 3, neutral (champion)", Assert.Single(picture.Sections[1].Lines));
    }

    [Fact]
    public async Task UnknownCommand_IsAPoliteNotice()
    {
        var reply = Assert.IsType<NoticeView>(await harness.SendAsync("map Acme tag"));
        Assert.Equal(Tone.Warning, reply.Tone);
        Assert.NotNull(reply.Example);
    }

    [Fact]
    public async Task ConcurrentEdits_NoUpdateLost()
    {
        await CreateAcmeAsync();
        var forms = new List<StakeholderFormView>();
        for (var i = 0; i < 8; i++)
        {
            forms.Add(Assert.IsType<StakeholderFormView>(await harness.SendAsync($"map Acme Corp add Person {i}")));
        }

        await Task.WhenAll(forms.Select(f => Task.Run(() => SubmitAsync(f, f.Values))));

        var map = await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme Corp", CancellationToken.None);
        Assert.Equal(8, map!.Stakeholders.Count);
        Assert.Equal(9, map.Version);
    }

    [Fact]
    public async Task Snooze_QuietsAccountInThisChannelForAWeek()
    {
        await CreateAcmeAsync();

        var reply = Assert.IsType<NoticeView>(await harness.SendAsync("map Acme Corp snooze"));
        await harness.SendAsync("map Acme Corp snooze");

        Assert.Equal("Ana Rep snoozed reminders about Acme Corp in this channel until Mon 9 Mar.", reply.Text);
        var settings = await harness.Settings.GetAsync(CoreHarness.WorkspaceA, "C1", CancellationToken.None);
        var snooze = Assert.Single(settings!.Snoozes);
        Assert.Equal(harness.Time.GetUtcNow().AddDays(7), snooze.Until);
        Assert.Null(await harness.Settings.GetAsync(CoreHarness.WorkspaceA, "C2", CancellationToken.None));
    }

    [Fact]
    public async Task Settings_SomeoneElseSavesInBetween_BothChangesKept()
    {
        var bo = harness.Context with { User = new UserRef("U2", "Bo Seller") };
        harness.Settings.BeforeNextSave = () => harness.SendAsync("map settings tz Europe/Paris", bo);

        var mine = Assert.IsType<SettingsView>(await harness.SendAsync("map settings day fri"));

        Assert.Equal((DayOfWeek.Friday, "Europe/Paris"), (mine.Day, mine.TimeZone));
        var stored = await harness.Settings.GetAsync(CoreHarness.WorkspaceA, "C1", CancellationToken.None);
        Assert.Equal((DayOfWeek.Friday, "Europe/Paris", 2), (stored!.ReminderDay, stored.TimeZone, stored.Version));
    }

    [Fact]
    public async Task Snooze_WhileSomeoneChangesTheSettings_BothKept()
    {
        await CreateAcmeAsync();
        var bo = harness.Context with { User = new UserRef("U2", "Bo Seller") };
        harness.Settings.BeforeNextSave = () => harness.SendAsync("map settings stale 10", bo);

        Assert.IsType<NoticeView>(await harness.SendAsync("map Acme Corp snooze"));

        var stored = await harness.Settings.GetAsync(CoreHarness.WorkspaceA, "C1", CancellationToken.None);
        Assert.Equal(10, stored!.StaleAfterDays);
        Assert.Single(stored.Snoozes);
    }

    [Fact]
    public async Task Settings_OthersSaveEveryTime_ConflictNoticeNothingOverwritten()
    {
        var attempts = 0;
        async Task InterleaveForeverAsync()
        {
            attempts++;
            await harness.Settings.SetLastFailureAsync(CoreHarness.WorkspaceA, "C1", new Core.Channels.DeliveryFailure(harness.Time.GetUtcNow(), "not_in_channel"), CancellationToken.None);
            harness.Settings.BeforeNextSave = InterleaveForeverAsync;
        }

        harness.Settings.BeforeNextSave = InterleaveForeverAsync;

        var reply = Assert.IsType<NoticeView>(await harness.SendAsync("map settings day fri"));

        harness.Settings.BeforeNextSave = null;
        Assert.Equal(Tone.Error, reply.Tone);
        Assert.Contains("being changed by others", reply.Text, StringComparison.Ordinal);
        Assert.Equal(Core.Features.Channels.ChannelSettingsEditor.MaxAttempts, attempts);
        Assert.Null((await harness.Settings.GetAsync(CoreHarness.WorkspaceA, "C1", CancellationToken.None))!.ReminderDay);
    }
}
