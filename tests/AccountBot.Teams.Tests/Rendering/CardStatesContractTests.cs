using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.QuickAdd;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Teams.Rendering;
using Xunit.Abstractions;

namespace AccountBot.Teams.Tests.Rendering;

/// <summary>
/// The map card and the stakeholder form in every state a map can be in (no people, one, more than 100; adding or editing the only
/// person; with and without someone to offer as owner), each judged by Microsoft's adaptivecards parser: an input
/// whose choices are empty is a card Teams refuses (<c>CollectionCantBeEmpty</c>).
/// </summary>
public sealed class CardStatesContractTests(ITestOutputHelper output)
{
    private static readonly UserRef Ana = SampleViews.Ana;

    public static IEnumerable<(string Name, Reply View, UserRef? User)> States()
    {
        foreach (var people in new[] { 0, 1, 150 })
            yield return (string.Create(CultureInfo.InvariantCulture, $"map-{people}"), SampleViews.BigMap(people), Ana);

        // A quick add's answer: the map with its Undo button.
        var undo = new UndoCode(SampleViews.MapId, [new UndoStep(Guid.NewGuid(), "Jane Doe", 42, null, QuickFields.None)]).Encode();
        foreach (var people in new[] { 1, 150 })
            yield return (string.Create(CultureInfo.InvariantCulture, $"map-{people}-undo"), SampleViews.BigMap(people) with { UndoCommand = CommandText.Map("Acme").Undo(undo) }, Ana);

        foreach (var people in new[] { 0, 1, 150 })
        {
            var form = Form(people);
            yield return (string.Create(CultureInfo.InvariantCulture, $"add-{people}"), form, Ana);
            yield return (string.Create(CultureInfo.InvariantCulture, $"add-{people}-no-user"), form, null);
            yield return (string.Create(CultureInfo.InvariantCulture, $"add-{people}-expanded"), form with { Expanded = true }, Ana);
        }

        var only = Form(1);
        var onlyPerson = only.People[0];
        yield return ("edit-only-person", only with { Mode = FormMode.Edit, StakeholderId = onlyPerson.Id, Values = new StakeholderFormValues { Name = onlyPerson.Name } }, Ana);
        yield return ("edit-only-person-no-user", only with { Mode = FormMode.Edit, StakeholderId = onlyPerson.Id, Values = new StakeholderFormValues { Name = onlyPerson.Name } }, null);
    }

    [Fact]
    public async Task TeamsCardCheck_MapAndFormInEveryMapState_PassMicrosoftsParser()
    {
        var renderer = new TeamsCardRenderer();
        var folder = Directory.CreateTempSubdirectory("accountbot-form-states-");
        try
        {
            var files = new List<string>();
            foreach (var (name, view, user) in States())
            {
                var message = renderer.RenderMessage(view, user);
                var path = Path.Combine(folder.FullName, name + ".json");
                await File.WriteAllTextAsync(path, message.Attachments![0].Content!.Value.GetRawText());
                files.Add(path);
            }

            var (exitCode, text) = await ContractCheck.RunAsync("teams-card", files);

            output.WriteLine(text);
            Assert.True(exitCode == 0, "teams-card check failed:\n" + text);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Render_AddFormOnEmptyMapWithoutUser_LeavesOutPickersAndAsksForTheOwnerByName()
    {
        var card = new TeamsCardRenderer().Render(Form(0), currentUser: null);

        var inputs = card.Body.SelectMany(e => e is AccountBot.Teams.Cards.Container c ? c.Items : [e]).OfType<AccountBot.Teams.Cards.CardInput>().ToDictionary(i => i.Id!);
        Assert.DoesNotContain(StakeholderFields.ReportsTo, inputs.Keys);
        Assert.DoesNotContain(StakeholderFields.RelatedTo, inputs.Keys);
        Assert.DoesNotContain(StakeholderFields.RelationshipOwner, inputs.Keys);
        Assert.Equal("Relationship owner on our side", inputs[CardVerbs.Inputs.OwnerText].Label);
    }

    private static StakeholderFormView Form(int people) => new(
        FormMode.Add,
        SampleViews.MapId,
        "Acme Corp",
        null,
        "sub-1",
        StakeholderFormReader.ForNew(null),
        new Dictionary<string, string>(),
        [.. Enumerable.Range(1, people).Select(i => new PersonOption(
            new Guid(i, 0, 0, new byte[8]),
            string.Create(CultureInfo.InvariantCulture, $"Person {i:D3}")))]);
}
