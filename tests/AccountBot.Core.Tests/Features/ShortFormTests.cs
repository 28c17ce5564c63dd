using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Testing.Fakes;
using F = AccountBot.Core.Accounts.StakeholderFields;

namespace AccountBot.Core.Tests.Features;

/// <summary>The stakeholder form opens short; "More details" and a short submission never lose a field it did not show.</summary>
public sealed class ShortFormTests : IDisposable
{
    private readonly CoreHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void Schema_ShortForm_IsWhatARepKnowsAfterACallInAtMostEightInputs()
    {
        var schema = StakeholderFormSchema.Schema;

        Assert.Equal([F.Name, F.Title, F.Roles, F.Power, F.Interest, F.Stance, F.NextStep, F.NextStepDue], schema.ShortFields.Select(f => f.Id));
        Assert.True(schema.ShortFields.Count <= 8);
        Assert.Equal(schema.Fields.Select(f => f.Id).Order(StringComparer.Ordinal), schema.ShortFields.Concat(schema.DetailFields).Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SubmitShortForm_Edit_KeepsEveryFieldTheFormDidNotShow()
    {
        var bob = await AddFullAsync("Bob Roe", new StakeholderFormValues());
        var jane = await AddFullAsync("Jane Doe", new StakeholderFormValues
        {
            Department = "Finance",
            Email = "jane@acme.example",
            ProfileUrl = "https://example.org/jane",
            ReportsToId = bob.Id.ToString(),
            Raci = nameof(Raci.Accountable),
            OwnerId = "U0ANA",
            OwnerName = "Ana Rep",
            Strength = nameof(RelationshipStrength.Strong),
            LastContacted = "2026-11-30",
            Notes = "Prefers e-mail.",
            Status = nameof(StakeholderStatus.ChangedRole),
            RelatedToId = bob.Id.ToString(),
            RelationshipKind = nameof(RelationshipKind.Ally),
            RelationshipNote = "Old colleagues",
        });

        var edit = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme edit Jane"));
        Assert.False(edit.Expanded);
        // What a short Slack modal sends: the short form's fields, nothing for the others.
        var typed = new StakeholderFormValues { Name = "Jane Doe", Title = "CFO", Roles = "Signer", Power = "5", Interest = "4", Stance = nameof(Stance.Supporter) };
        Assert.IsType<MapView>(await SubmitAsync(edit, typed, onlyShort: true));

        var map = await MapAsync();
        var saved = map.Stakeholders.Single(s => s.Name == "Jane Doe");
        Assert.Equal(("CFO", Role.Signer, 5, 4, Stance.Supporter), (saved.Title, saved.Roles, saved.Power, saved.Interest, saved.Stance));
        Assert.Equal(jane with { Title = "CFO", Roles = Role.Signer, Power = 5, Interest = 4, Stance = Stance.Supporter, NextStep = null, NextStepDue = null },
            saved);
        var link = Assert.Single(map.Relationships);
        Assert.Equal((jane.Id, bob.Id, RelationshipKind.Ally, "Old colleagues"), (link.FromId, link.ToId, link.Kind, link.Note));
    }

    [Fact]
    public async Task SubmitShortForm_Add_FieldsNotShownTakeTheDefaults()
    {
        await harness.SendAsync("map Acme create");
        var form = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme add Jane Doe"));

        Assert.IsType<MapView>(await SubmitAsync(form, new StakeholderFormValues { Name = "Jane Doe", Roles = "Champion" }, onlyShort: true));

        var saved = (await MapAsync()).Stakeholders.Single();
        Assert.Equal((Role.Champion, 3, 3, Raci.None, RelationshipStrength.None, StakeholderStatus.Active), (saved.Roles, saved.Power, saved.Interest, saved.Raci, saved.Strength, saved.Status));
    }

    [Fact]
    public async Task Expand_Edit_KeepsWhatWasTypedAndShowsEveryStoredValue()
    {
        await AddFullAsync("Jane Doe", new StakeholderFormValues { Department = "Finance", Notes = "Prefers e-mail.", Title = "VP Finance" });
        var edit = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme edit Jane"));

        var typed = edit.Values with { Title = "CFO", Department = null, Notes = null };
        var expanded = Assert.IsType<StakeholderFormView>(await harness.Dispatcher.ExpandStakeholderFormAsync(
            new StakeholderSubmission(edit.MapId, edit.StakeholderId, edit.SubmissionId, typed, OnlyShortFields: true), harness.Context, CancellationToken.None));

        Assert.True(expanded.Expanded);
        Assert.Equal((FormMode.Edit, edit.SubmissionId, edit.StakeholderId), (expanded.Mode, expanded.SubmissionId, expanded.StakeholderId));
        Assert.Equal(("CFO", "Finance", "Prefers e-mail."), (expanded.Values.Title, expanded.Values.Department, expanded.Values.Notes));
    }

    [Fact]
    public async Task Expand_PersonRemovedMeanwhile_SaysSo()
    {
        await AddFullAsync("Jane Doe", new StakeholderFormValues());
        var edit = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme edit Jane"));
        var draft = new StakeholderSubmission(edit.MapId, Guid.NewGuid(), edit.SubmissionId, edit.Values, OnlyShortFields: true);

        var reply = Assert.IsType<NoticeView>(await harness.Dispatcher.ExpandStakeholderFormAsync(draft, harness.Context, CancellationToken.None));

        Assert.Contains("no longer on this map", reply.Text, StringComparison.Ordinal);
    }

    private async Task<Stakeholder> AddFullAsync(string name, StakeholderFormValues details)
    {
        if (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None) is null)
            await harness.SendAsync("map Acme create");
        var form = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme add " + name));
        var values = details with { Name = name, Power = "3", Interest = "3", Stance = nameof(Stance.Neutral), NextStep = "Send the ROI model", NextStepDue = "2026-12-10" };
        Assert.IsType<MapView>(await SubmitAsync(form, values, onlyShort: false));
        return (await MapAsync()).Stakeholders.Single(s => s.Name == name);
    }

    private async Task<Reply> SubmitAsync(StakeholderFormView form, StakeholderFormValues values, bool onlyShort) =>
        (await harness.Dispatcher.SubmitStakeholderAsync(
            new StakeholderSubmission(form.MapId, form.StakeholderId, form.SubmissionId, values, onlyShort), harness.Context, CancellationToken.None)).Reply;

    private async Task<AccountMap> MapAsync() => (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None))!;
}
