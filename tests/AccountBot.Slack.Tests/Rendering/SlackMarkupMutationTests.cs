using AccountBot.Core.Accounts;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Rendering;

namespace AccountBot.Slack.Tests.Rendering;

/// <summary>The renderers' text helpers: user text is escaped, only real Slack user ids become mentions, sections fit.</summary>
public sealed class SlackMarkupMutationTests
{
    [Fact]
    public void Escape_Null_Empty()
    {
        Assert.Equal(string.Empty, SlackMarkup.Escape(null));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("<!here> & co", "*&lt;!here&gt; &amp; co*")]
    public void Bold_UserText_EscapedInsideTheStars(string? text, string expected)
    {
        Assert.Equal(expected, SlackMarkup.Bold(text));
    }

    [Fact]
    public void Md_IsVerbatimMrkdwn()
    {
        var text = SlackMarkup.Md("@here");

        Assert.Equal("@here", text.Text);
        Assert.True(text.Verbatim);
        Assert.True(Assert.IsType<Mrkdwn>(SlackMarkup.Section("x").Text).Verbatim);
        Assert.True(Assert.IsType<Mrkdwn>(Assert.Single(SlackMarkup.Context("x").Elements)).Verbatim);
    }

    [Theory]
    [InlineData("U0ABC123", "<@U0ABC123>")]
    [InlineData("W0ABC", "<@W0ABC>")]
    [InlineData("U1", "Ana &lt;Rep&gt;")]
    [InlineData("u0abc123", "Ana &lt;Rep&gt;")]
    [InlineData("U0ABC>|<!here", "Ana &lt;Rep&gt;")]
    [InlineData("xU0ABC123", "Ana &lt;Rep&gt;")]
    [InlineData("teams:29:abc", "Ana &lt;Rep&gt;")]
    public void Mention_OnlyARealSlackUserIdPings(string id, string expected)
    {
        Assert.Equal(expected, SlackMarkup.Mention(new UserRef(id, "Ana <Rep>")));
        Assert.Equal(expected.StartsWith("<@", StringComparison.Ordinal), SlackMarkup.IsSlackUserId(id));
    }

    [Fact]
    public void IsSlackUserId_Null_False()
    {
        Assert.False(SlackMarkup.IsSlackUserId(null));
    }

    [Theory]
    [InlineData(null, "none")]
    [InlineData("  ", "none")]
    [InlineData("Jane", "Jane")]
    public void Plain_BlankFallsBack(string? text, string expected)
    {
        Assert.Equal(expected, SlackMarkup.Plain(text, "none"));
    }

    [Fact]
    public void Date_DayMonthYearInEnglish()
    {
        Assert.Equal("3 Mar 2025", SlackMarkup.Date(new DateOnly(2025, 3, 3)));
        Assert.Equal("3 Mar 2025", SlackMarkup.Date(new DateTimeOffset(2025, 3, 3, 23, 30, 0, TimeSpan.FromHours(-2)).AddHours(-4)));
    }

    [Fact]
    public void Pack_ShortLines_OneSectionUnderTheHeading()
    {
        Assert.Equal(["*People*\none\ntwo"], SlackMarkup.Pack(["one", "two"], "*People*"));
    }

    [Fact]
    public void Pack_NoLinesNoHeading_NoSection()
    {
        Assert.Empty(SlackMarkup.Pack([]));
    }

    [Fact]
    public void Pack_LinesExactlyFillingTheBudget_OneSection()
    {
        var half = new string('a', (SlackMarkup.SectionBudget / 2) - 1);

        var sections = SlackMarkup.Pack([half, half]).ToList();

        Assert.Equal(half + "\n" + half, Assert.Single(sections));
        Assert.True(sections[0].Length <= SlackMarkup.SectionBudget);
    }

    [Fact]
    public void Pack_OneCharacterOverTheBudget_TwoSections()
    {
        var line = new string('a', SlackMarkup.SectionBudget / 2);

        Assert.Equal([line, line], SlackMarkup.Pack([line, line]));
    }

    [Fact]
    public void Pack_TooLongLine_CutToTheBudget()
    {
        var section = Assert.Single(SlackMarkup.Pack([new string('a', SlackMarkup.SectionBudget + 1)]));

        Assert.Equal(SlackMarkup.SectionBudget, section.Length);
        Assert.EndsWith("…", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_TooLongLine_CutAsMrkdwnNotThroughAnEscape()
    {
        var line = new string('a', SlackMarkup.SectionBudget - 3) + "&amp;" + new string('b', 10);

        Assert.Equal(new string('a', SlackMarkup.SectionBudget - 3) + "…", Assert.Single(SlackMarkup.Pack([line])));
    }

    [Fact]
    public void Pack_LineOfExactlyTheBudget_Kept()
    {
        var line = new string('a', SlackMarkup.SectionBudget);

        Assert.Equal([line], SlackMarkup.Pack([line]));
    }
}
