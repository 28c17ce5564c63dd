using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccountBot.Core.Tests.Commands;

public sealed class CommandParserTests
{
    public static TheoryData<string, BotCommand> Commands => new()
    {
        { "map", new ShowHelp() },
        { "", new ShowHelp() },
        { "/map", new ShowHelp() },
        { "map help", new ShowHelp() },
        { "MAP HELP", new ShowHelp() },
        { "help", new ShowHelp() },
        { "map list", new ListMaps() },
        { "/map list", new ListMaps() },
        { "list", new ListMaps() },
        { "map Acme", new ShowMap("Acme") },
        { "/map Acme", new ShowMap("Acme") },
        { "Acme", new ShowMap("Acme") },
        { "map   Acme   Corp  ", new ShowMap("Acme Corp") },
        { "map List Corp", new ShowMap("List Corp") },
        { "map \"List\"", new ShowMap("List") },
        { "map Grid Dynamics", new ShowMap("Grid Dynamics") },
        { "map Acme add", new AddStakeholder("Acme", null) },
        { "map Acme Corp add Jane Doe", new AddStakeholder("Acme Corp", "Jane Doe") },
        { "map \"Add Corp\" add", new AddStakeholder("Add Corp", null) },
        { "map “Add Corp” ADD “Jane Doe”", new AddStakeholder("Add Corp", "Jane Doe") },
        { "map Acme edit Jane", new EditStakeholder("Acme", new PersonRef("Jane")) },
        { "map Acme remove Jane Doe", new RemoveStakeholder("Acme", new PersonRef("Jane Doe"), false) },
        { "map Acme grid", new ShowPicture("Acme", MapPicture.Grid) },
        { "map Acme Corp onion", new ShowPicture("Acme Corp", MapPicture.Onion) },
        { "map Acme org", new ShowPicture("Acme", MapPicture.Org) },
        { "map Acme raci", new ShowPicture("Acme", MapPicture.Raci) },
        { "map Acme reviewed", new MarkReviewed("Acme") },
        { "map Acme history", new ShowHistory("Acme") },
        { "map Acme history export", new ExportHistory("Acme") },
        { "map Acme erase \"Jane Doe\"", new ErasePerson("Acme", new PersonRef("Jane Doe"), false) },
        { "map Acme confirm-erase id:7d1b6a2e9c8f4b3a8e5d1c0b9a8f7e6d", new ErasePerson("Acme", new PersonRef("id:7d1b6a2e9c8f4b3a8e5d1c0b9a8f7e6d", Guid.Parse("7d1b6a2e9c8f4b3a8e5d1c0b9a8f7e6d")), true) },
        { "map Acme link", new LinkChannel("Acme") },
        { "map Acme unlink", new UnlinkChannel("Acme") },
        { "map Acme export", new ExportCsv("Acme") },
        { "map Acme Corp links reset", new ResetLinks("Acme Corp") },
        { "map Acme LINKS Reset", new ResetLinks("Acme") },
        { "map Acme import", new ImportCsv("Acme") },
        { "map import", new ImportCsv(null) },
        { "map Acme create", new CreateMap("Acme", MapKind.Sales) },
        { "map Acme create partner", new CreateMap("Acme", MapKind.Partner) },
        { "map settings", new ChannelSettingsCommand(null) },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Parse_KnownCommand_ReturnsRecord(string text, BotCommand expected)
    {
        Assert.Equal(expected, CommandParser.Parse(text));
    }

    [Theory]
    [InlineData("map Acme tag Jane Doe champion signer", "Jane Doe", Role.Champion | Role.Signer)]
    [InlineData("map \"Add Corp\" tag \"Jane Doe\" champion signer", "Jane Doe", Role.Champion | Role.Signer)]
    [InlineData("map Acme tag Jane economic buyer", "Jane", Role.DecisionMaker | Role.Signer)]
    [InlineData("map Acme tag Jane coach", "Jane", Role.Champion)]
    [InlineData("map Acme tag Jane Decision Maker", "Jane", Role.DecisionMaker)]
    [InlineData("map Acme tag Jane decision-maker, end user", "Jane", Role.DecisionMaker | Role.EndUser)]
    [InlineData("map Acme tag Jane champion,signer", "Jane", Role.Champion | Role.Signer)]
    [InlineData("map Acme tag Jane Doe GATEKEEPER and blocker", "Jane Doe", Role.Gatekeeper | Role.Blocker)]
    public void Parse_Tag_ReadsRolesFromTheEnd(string text, string person, Role roles)
    {
        var command = Assert.IsType<TagStakeholder>(CommandParser.Parse(text));
        Assert.Equal(person, command.Person.Text);
        Assert.Equal(roles, command.Roles);
    }

    [Fact]
    public void Parse_Untag_Works()
    {
        var command = Assert.IsType<UntagStakeholder>(CommandParser.Parse("map Acme untag Jane blocker"));
        Assert.Equal(Role.Blocker, command.Roles);
    }

    [Fact]
    public void Parse_PersonById_FromButtons()
    {
        var id = Guid.NewGuid();
        var command = Assert.IsType<RemoveStakeholder>(CommandParser.Parse($"map Acme confirm-remove {PersonRef.ForId(id)}"));
        Assert.True(command.Confirmed);
        Assert.Equal(id, command.Person.Id);
    }

    [Fact]
    public void Parse_Settings_ReadsEveryKey()
    {
        var command = Assert.IsType<ChannelSettingsCommand>(
            CommandParser.Parse("map settings day tue time 14:30 tz Europe/Paris stale 20 contact 60 reminders off"));
        Assert.Equal(
            new SettingsUpdate
            {
                Day = DayOfWeek.Tuesday, Time = new TimeOnly(14, 30), TimeZone = "Europe/Paris",
                StaleAfterDays = 20, StaleContactDays = 60, RemindersEnabled = false,
            },
            command.Update);
    }

    [Theory]
    [InlineData("9", 9, 0)]
    [InlineData("09:30", 9, 30)]
    [InlineData("2pm", 14, 0)]
    [InlineData("7:15am", 7, 15)]
    public void Parse_SettingsTime_AcceptsCommonForms(string time, int hour, int minute)
    {
        var command = Assert.IsType<ChannelSettingsCommand>(CommandParser.Parse($"map settings time {time}"));
        Assert.Equal(new TimeOnly(hour, minute), command.Update!.Time);
    }

    [Theory]
    [InlineData("map Acme tag", "map Acme tag Jane Doe champion")]
    [InlineData("map Acme tag Jane", "map Acme tag Jane Doe champion")]
    [InlineData("map Acme tag champion", "map Acme tag Jane Doe champion")]
    [InlineData("map Acme tag \"Jane\" wizard", "map Acme tag Jane Doe champion")]
    [InlineData("map Acme edit", "map Acme edit Jane Doe")]
    [InlineData("map Acme remove", "map Acme remove Jane Doe")]
    [InlineData("map Acme grid extra", "map Acme grid")]
    [InlineData("map Acme links", "map Acme links reset")]
    [InlineData("map Acme links delete", "map Acme links reset")]
    [InlineData("map Acme create wholesale", "map Acme create partner")]
    [InlineData("map settings day funday", "map settings day monday")]
    [InlineData("map settings time 25:00", "map settings time 09:00")]
    [InlineData("map settings stale 0", "map settings stale 30")]
    [InlineData("map settings colour blue", "map settings day monday time 09:00 tz Europe/Paris stale 30")]
    [InlineData("map settings day", "map settings day monday time 09:00 tz Europe/Paris stale 30")]
    public void Parse_IncompleteInput_ExplainsWithExample(string text, string example)
    {
        var result = Assert.IsType<InvalidCommand>(CommandParser.Parse(text));
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Equal(example, result.Example);
    }

    [Fact]
    public void Parse_TooLong_Refused()
    {
        var result = Assert.IsType<InvalidCommand>(CommandParser.Parse("map " + new string('a', 3000)));
        Assert.Contains("too long", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Acme", "Acme")]
    [InlineData("Add Corp", "Add Corp")]
    [InlineData("Acme Add", "\"Acme Add\"")]
    [InlineData("List", "\"List\"")]
    [InlineData("Help Inc", "\"Help Inc\"")]
    public void Quote_OnlyWhenAVerbWouldBeRead(string name, string quoted) => Assert.Equal(quoted, CommandParser.Quote(name));

    [Property(MaxTest = 2000)]
    public void Parse_AnyString_NeverThrows(string text)
    {
        var result = CommandParser.Parse(text);
        Assert.NotNull(result);
        Assert.True(result is not InvalidCommand invalid || !string.IsNullOrWhiteSpace(invalid.Error));
    }

    [Property(MaxTest = 1000)]
    public Property Parse_CommandWords_NeverThrows()
    {
        var words = new[] { "map", "/map", "add", "tag", "untag", "edit", "remove", "\"", "“", "grid", "settings", "day", "time", "champion", "economic", "buyer", "Acme", "Jane", " ", ",", "id:", "list", "import", "create" };
        var text = Gen.ArrayOf(Gen.Elements(words)).Select(w => string.Join(' ', w));
        return Prop.ForAll(text.ToArbitrary(), t =>
        {
            var result = CommandParser.Parse(t);
            return result is not null && (result is not InvalidCommand invalid || !string.IsNullOrWhiteSpace(invalid.Error));
        });
    }

    [Property(MaxTest = 500)]
    public Property Quote_RoundTripsThroughParser()
    {
        var names = Gen.Elements("Acme", "Add", "Corp", "Grid", "List", "Help", "Tag", "Org", "Link", "Co", "Inc")
            .ArrayOf().Where(a => a.Length is > 0 and < 5).Select(a => string.Join(' ', a));
        return Prop.ForAll(names.ToArbitrary(), name =>
            CommandParser.Parse($"map {CommandParser.Quote(name)} reviewed") == new MarkReviewed(name));
    }
}
