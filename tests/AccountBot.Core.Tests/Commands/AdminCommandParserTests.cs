using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;

namespace AccountBot.Core.Tests.Commands;

public sealed class AdminCommandParserTests
{
    [Theory]
    [InlineData("map Acme private", MapVisibility.Private)]
    [InlineData("map Acme Corp PUBLIC", MapVisibility.Public)]
    public void Parse_Visibility(string text, MapVisibility expected)
    {
        var command = Assert.IsType<SetMapVisibility>(CommandParser.Parse(text));

        Assert.Equal(expected, command.Visibility);
    }

    [Fact]
    public void Parse_DeleteAlone_DeletesTheMap_DeleteAPerson_StillRemovesThem()
    {
        Assert.Equal(new DeleteMap("Acme", false), CommandParser.Parse("map Acme delete"));
        Assert.Equal(new DeleteMap("Acme", true), CommandParser.Parse("map Acme confirm-delete"));
        var remove = Assert.IsType<RemoveStakeholder>(CommandParser.Parse("map Acme delete Jane Doe"));
        Assert.Equal(("Acme", "Jane Doe", false), (remove.Account, remove.Person.Text, remove.Confirmed));
    }

    [Theory]
    [InlineData("map Acme owner <@U02|jane doe>", "U02", "jane doe")]
    [InlineData("map Acme owner <@U02>", "U02", "U02")]
    [InlineData("map Acme owner <@6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b|Jane Doe>", "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "Jane Doe")]
    public void Parse_Owner_TheMentionedUser(string text, string id, string name)
    {
        var command = Assert.IsType<ChangeMapOwner>(CommandParser.Parse(text));

        Assert.Equal(new UserMention(id, name), command.Owner);
    }

    [Theory]
    [InlineData("map Acme owner")]
    [InlineData("map Acme owner jane")]
    [InlineData("map Acme owner <@U1|a> <@U2|b>")]
    public void Parse_OwnerWithoutOneMention_FailsWithAnExample(string text)
    {
        var result = Assert.IsType<InvalidCommand>(CommandParser.Parse(text));

        Assert.Equal("map Acme owner @jane", result.Example);
    }

    [Fact]
    public void Parse_Reassign_MentionsOrTheDepartedRepsName()
    {
        Assert.Equal(
            new ReassignRelationships(new UserMention("U1", "old"), new UserMention("U2", "new")),
            CommandParser.Parse("map reassign <@U1|old> <@U2|new>"));
        Assert.Equal(
            new ReassignRelationships(new UserMention(null, "Old Rep"), new UserMention("U2", "New Rep")),
            CommandParser.Parse("map reassign \"Old Rep\" <@U2|New Rep>"));
    }

    [Theory]
    [InlineData("map reassign")]
    [InlineData("map reassign <@U1|old>")]
    [InlineData("map reassign <@U1|old> New Rep")]
    public void Parse_ReassignWithoutAMentionedSuccessor_Fails(string text)
    {
        Assert.IsType<InvalidCommand>(CommandParser.Parse(text));
    }

    [Fact]
    public void Quote_NamesThatReadAsTheNewVerbs_QuotedSoTheyParseBack()
    {
        Assert.Equal("\"Reassign Corp\"", CommandParser.Quote("Reassign Corp"));
        Assert.Equal("\"Acme Private Equity\"", CommandParser.Quote("Acme Private Equity"));
        Assert.IsType<ShowMap>(CommandParser.Parse("map " + CommandParser.Quote("Reassign Corp")));
    }
}
