using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Commands;

namespace AccountBot.Core.Tests.Commands;

/// <summary>Every command text a button carries parses back to the command it means, whatever the map is called.</summary>
public sealed class CommandTextTests
{
    private static readonly Guid JaneId = Guid.Parse("2c1f7a1d-54d9-4d72-8e4d-3a4a5cab1b02");

    public static TheoryData<string> Accounts => ["Acme", "Acme Corp", "Add Corp", "List", "Settings Inc", "Acme Corp add", "Société Générale — Zürich"];

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Map_EveryCommand_ParsesBackToItsCommandForThatMap(string account)
    {
        var map = CommandText.Map(account);
        var jane = PersonRef.ForId(JaneId);

        Assert.Equal(new ShowMap(account), Parse(map.Open));
        Assert.Equal(new CreateMap(account, MapKind.Sales), Parse(map.Create()));
        Assert.Equal(new CreateMap(account, MapKind.Partner), Parse(map.Create("partner")));
        Assert.Equal(new AddStakeholder(account, null), Parse(map.Add()));
        Assert.Equal(new AddStakeholder(account, "Jane Doe"), Parse(map.Add("Jane Doe")));
        Assert.Equal(new EditStakeholder(account, PersonRef.FromText(jane)), Parse(map.Edit(jane)));
        Assert.Equal(new RemoveStakeholder(account, PersonRef.FromText(jane), Confirmed: false), Parse(map.Remove(jane)));
        Assert.Equal(new RemoveStakeholder(account, PersonRef.FromText(jane), Confirmed: true), Parse(map.ConfirmRemove(jane)));
        Assert.Equal(new TagStakeholder(account, PersonRef.FromText(jane), Role.Champion), Parse(map.Tag("tag", jane, "champion")));
        Assert.Equal(new MarkReviewed(account), Parse(map.Reviewed));
        Assert.Equal(new ShowHistory(account), Parse(map.History));
        Assert.Equal(new ExportCsv(account), Parse(map.Export));
        Assert.Equal(new SnoozeReminders(account), Parse(map.Snooze));
        Assert.Equal(new LinkChannel(account), Parse(map.Link));
        Assert.Equal(new ResetLinks(account), Parse(map.LinksReset));
        foreach (var picture in Enum.GetValues<MapPicture>())
            Assert.Equal(new ShowPicture(account, picture), Parse(map.Picture(picture)));
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Map_OfAnAlreadyQuotedCommandName_IsTheSameAsOfTheName(string account) =>
        Assert.Equal(CommandText.Map(account), CommandText.Map(CommandParser.Quote(account)));

    [Fact]
    public void Map_Edit_WithoutPerson_IsThePrefixAPickedPersonIsAppendedTo() =>
        Assert.Equal("map \"Acme Corp add\" edit", CommandText.Map("Acme Corp add").Edit());

    [Fact]
    public void Constants_ParseToTheirCommands()
    {
        Assert.Equal(new ListMaps(), Parse(CommandText.List));
        Assert.Equal(new ShowHelp(), Parse(CommandText.Help));
        Assert.Equal(new ImportCsv(null), Parse(CommandText.Import));
        Assert.IsType<ChannelSettingsCommand>(Parse(CommandText.Settings));
        Assert.Equal(new ShowMap("Acme"), Parse(CommandText.FromTyped("Acme")));
    }

    private static BotCommand Parse(string text) => CommandParser.Parse(text);
}
