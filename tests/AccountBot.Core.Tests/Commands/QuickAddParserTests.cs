using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;

namespace AccountBot.Core.Tests.Commands;

public sealed class QuickAddParserTests
{
    private static QuickAddLine Single(string text)
    {
        var command = Assert.IsType<QuickAddStakeholders>(CommandParser.Parse(text));
        return Assert.Single(command.Lines);
    }

    [Fact]
    public void Parse_TheIssuesExample_ReadsEveryPart()
    {
        var line = Single("map Acme add Jane Doe, VP Finance, champion signer, power 5 interest 4");

        Assert.Equal("Jane Doe", line.Name);
        Assert.Equal("VP Finance", line.Title);
        Assert.Equal(Role.Champion | Role.Signer, line.Roles);
        Assert.Equal(5, line.Power);
        Assert.Equal(4, line.Interest);
        Assert.True(line.Understood);
    }

    [Fact]
    public void Parse_NameAloneWithoutComma_StillOpensTheForm() =>
        Assert.Equal(new AddStakeholder("Acme", "Jane Doe"), CommandParser.Parse("map Acme add Jane Doe"));

    [Fact]
    public void Parse_NameWithATrailingComma_IsAQuickAddOfTheNameOnly()
    {
        var line = Single("map Acme add Jane Doe,");

        Assert.Equal("Jane Doe", line.Name);
        Assert.Null(line.Title);
        Assert.Equal(Role.None, line.Roles);
        Assert.True(line.Understood);
    }

    [Theory]
    [InlineData("economic buyer", Role.DecisionMaker | Role.Signer)]
    [InlineData("eb + coach", Role.DecisionMaker | Role.Signer | Role.Champion)]
    [InlineData("decision-maker and gatekeeper", Role.DecisionMaker | Role.Gatekeeper)]
    [InlineData("end user", Role.EndUser)]
    [InlineData("Signatory", Role.Signer)]
    public void Parse_RoleSynonyms_AsTheParserKnowsThem(string words, Role expected) =>
        Assert.Equal(expected, Single($"map Acme add Jane Doe, VP, {words}").Roles);

    [Fact]
    public void Parse_SecondPartOfRoleWords_IsRolesNotATitle()
    {
        var line = Single("map Acme add Jane Doe, champion, power 2");

        Assert.Null(line.Title);
        Assert.Equal(Role.Champion, line.Roles);
        Assert.Equal(2, line.Power);
    }

    [Fact]
    public void Parse_QuotedTitleWithARoleWordAndComma_StaysTheTitle() =>
        Assert.Equal("User Research, EMEA", Single("map Acme add Jane Doe, \"User Research, EMEA\", blocker").Title);

    [Fact]
    public void Parse_OwnerMe_SaysSo() =>
        Assert.True(Single("map Acme add Jane Doe, VP, owner me").OwnerIsMe);

    [Theory]
    [InlineData("<@U0BOB|bob>", "U0BOB", "bob")]
    [InlineData("<@U0BOB>", "U0BOB", "U0BOB")]
    [InlineData("<@29:1abc|Bob Smith>", "29:1abc", "Bob Smith")]
    public void Parse_OwnerMention_IsThatUser(string mention, string id, string name)
    {
        var line = Single($"map Acme add Jane Doe, VP, owner {mention}");

        Assert.Equal(new UserRef(id, name), line.Owner);
        Assert.False(line.OwnerIsMe);
        Assert.True(line.Understood);
    }

    [Fact]
    public void Parse_NextStepWithDate_KeepsTheTextAndResolvesTheDayWhenRun()
    {
        var line = Single("map Acme add Jane Doe, VP, champion, next send the pricing deck by friday");

        Assert.Equal("send the pricing deck", line.NextStep);
        // 2026-03-02 is a Monday.
        Assert.Equal(new DateOnly(2026, 3, 6), line.Due!.Resolve(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void Parse_NextStepWithoutDate_HasNoDue()
    {
        var line = Single("map Acme add Jane Doe, next intro to the CFO");

        Assert.Equal("intro to the CFO", line.NextStep);
        Assert.Null(line.Due);
    }

    [Theory]
    [InlineData("2026-12-18", 2026, 12, 18)]
    [InlineData("today", 2026, 3, 2)]
    [InlineData("tomorrow", 2026, 3, 3)]
    [InlineData("Monday", 2026, 3, 2)]
    [InlineData("sun", 2026, 3, 8)]
    [InlineData("next week", 2026, 3, 9)]
    [InlineData("in 3 days", 2026, 3, 5)]
    [InlineData("in 2 weeks", 2026, 3, 16)]
    [InlineData("Dec 18", 2026, 12, 18)]
    [InlineData("18 december", 2026, 12, 18)]
    [InlineData("Feb 1st", 2027, 2, 1)]
    [InlineData("29 feb", 2028, 2, 29)]
    public void DueDate_Words_ResolveAgainstTheDay(string words, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DueDate.TryParse(words)!.Resolve(new DateOnly(2026, 3, 2)));

    [Theory]
    [InlineData("soon")]
    [InlineData("2026-13-01")]
    [InlineData("in 0 days")]
    [InlineData("Feb 30")]
    [InlineData("")]
    public void DueDate_NotADate_IsNull(string words) => Assert.Null(DueDate.TryParse(words));

    [Theory]
    [InlineData("map Acme add Jane Doe, VP, champion wizard", "\"wizard\"")]
    [InlineData("map Acme add Jane Doe, VP, power 9", "power 9")]
    [InlineData("map Acme add Jane Doe, VP, power high", "power high")]
    [InlineData("map Acme add Jane Doe, VP, owner bob", "owner bob")]
    [InlineData("map Acme add Jane Doe, VP, next demo by someday", "by someday")]
    [InlineData("map Acme add Jane Doe, VP, next", "next")]
    [InlineData("map Acme add , VP", "no name")]
    [InlineData("map Acme add Jane Doe, VP, Finance", "\"Finance\"")]
    public void Parse_SomethingNotUnderstood_IsNamedOnTheLine(string text, string named)
    {
        var line = Single(text);

        Assert.False(line.Understood);
        Assert.Contains(line.Problems, p => p.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SeveralLines_OnePersonEach_NumberedAsTyped()
    {
        var parsed = CommandParser.Parse("map Acme add\nJane Doe, VP Finance, champion\n\nBob Roe\r\nCarl Poe, CFO, signer, power 5");

        var command = Assert.IsType<QuickAddStakeholders>(parsed);
        Assert.Equal("Acme", command.Account);
        Assert.Equal(["Jane Doe", "Bob Roe", "Carl Poe"], command.Lines.Select(l => l.Name));
        Assert.Equal([1, 2, 3], command.Lines.Select(l => l.Number));
        Assert.Equal("CFO", command.Lines[2].Title);
        Assert.All(command.Lines, l => Assert.True(l.Understood));
    }

    [Fact]
    public void Parse_FirstPersonOnTheCommandLine_CountsAsLineOne()
    {
        var command = Assert.IsType<QuickAddStakeholders>(CommandParser.Parse("map Acme Corp add Jane Doe, VP\nBob Roe, CFO"));

        Assert.Equal("Acme Corp", command.Account);
        Assert.Equal(["Jane Doe", "Bob Roe"], command.Lines.Select(l => l.Name));
    }

    [Fact]
    public void Parse_MoreLinesThanAllowed_FailsWithAnExample()
    {
        var text = "map Acme add\n" + string.Join("\n", Enumerable.Range(1, QuickAddParser.MaxLines + 1).Select(i => $"Person {i}, VP"));

        var parsed = Assert.IsType<InvalidCommand>(CommandParser.Parse(text));

        Assert.Contains("at most 25", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Undo_CarriesTheCode() =>
        Assert.Equal(new UndoQuickAdd("Acme", "AQID-_"), CommandParser.Parse("map Acme undo AQID-_"));

    [Fact]
    public void Parse_UndoWithoutCode_Fails() =>
        Assert.IsType<InvalidCommand>(CommandParser.Parse("map Acme undo"));

    [Fact]
    public void Quote_AnAccountNamedLikeTheUndoVerb_IsQuotedSoItParsesBack() =>
        Assert.Equal("\"Acme Undo\"", CommandParser.Quote("Acme Undo"));

    [Fact]
    public void ParseLine_TypedMentionMark_DoesNotThrow() =>
        Assert.False(QuickAddParser.ParseLine(1, "Jane, owner \uE000@7").Understood);
}
