using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.Tests.Blocks;

/// <summary>The edges of truncation: exact fits, cuts at the very start, and where an escape or link ends.</summary>
public sealed class SlackTextMutationTests
{
    [Fact]
    public void Truncate_TextExactlyMax_Unchanged()
    {
        Assert.Equal("abcde", SlackText.Truncate("abcde", 5));
    }

    [Fact]
    public void Truncate_MaxOne_OnlyTheEllipsis()
    {
        Assert.Equal("…", SlackText.Truncate("abc", 1));
    }

    [Fact]
    public void Truncate_MaxBelowOne_RefusedNamingMax()
    {
        Assert.Equal("max", Assert.Throws<ArgumentOutOfRangeException>(() => SlackText.Truncate("abc", 0)).ParamName);
    }

    [Fact]
    public void Truncate_NullText_Refused()
    {
        Assert.Throws<ArgumentNullException>(() => SlackText.Truncate(null!, 5));
        Assert.Throws<ArgumentNullException>(() => SlackText.Escape(null!));
    }

    [Fact]
    public void Truncate_EscapeAtTheVeryStart_CutBeforeIt()
    {
        Assert.Equal("…", SlackText.Truncate("&amp;&amp;", 3, isMrkdwn: true));
    }

    [Fact]
    public void Truncate_LinkAtTheVeryStart_CutBeforeIt()
    {
        Assert.Equal("…", SlackText.Truncate("<https://example.com|map> now", 10, isMrkdwn: true));
    }

    [Fact]
    public void Truncate_AmpersandFiveBeforeTheCut_NotAnEscapeKept()
    {
        // Four characters after '&' without ';' can no longer be a cut escape (the longest, &amp;, has its ';' by then).
        Assert.Equal("aa&bbbb…", SlackText.Truncate("aa&bbbbcccc", 8, isMrkdwn: true));
    }

    [Fact]
    public void Truncate_AmpersandFourBeforeTheCut_CutBeforeIt()
    {
        Assert.Equal("aaa…", SlackText.Truncate("aaa&amp;cccc", 8, isMrkdwn: true));
    }

    [Fact]
    public void Truncate_CompleteEscapeBeforeTheCut_Kept()
    {
        Assert.Equal("ab&lt;…", SlackText.Truncate("ab&lt;cdefg", 7, isMrkdwn: true));
    }

    [Fact]
    public void Truncate_ClosedLinkBeforeTheCut_Kept()
    {
        Assert.Equal("<@U1> abc…", SlackText.Truncate("<@U1> abcdefgh", 10, isMrkdwn: true));
    }

    [Fact]
    public void Truncate_SurrogatePairJustBeforeTheCut_NotSplit()
    {
        Assert.Equal("aaa…", SlackText.Truncate("aaa🚀bbbb", 5));
    }

    [Fact]
    public void Truncate_SemicolonRightAfterTheAmpersand_Kept()
    {
        // "&;" is not a cut escape: it already ends.
        Assert.Equal("aa&;b…", SlackText.Truncate("aa&;bbbbbb", 6, isMrkdwn: true));
    }

    [Fact]
    public void Truncate_SemicolonBeforeTheAmpersand_StillCutBeforeIt()
    {
        Assert.Equal("ab;…", SlackText.Truncate("ab;&amp;cccc", 7, isMrkdwn: true));
    }

    [Fact]
    public void Truncate_EmptyAngleBrackets_Kept()
    {
        Assert.Equal("a<>b…", SlackText.Truncate("a<>bbbbbb", 5, isMrkdwn: true));
    }

    [Fact]
    public void Truncate_ClosingBracketBeforeTheLink_StillCutBeforeIt()
    {
        Assert.Equal("ab>…", SlackText.Truncate("ab><https://example.com|x>", 8, isMrkdwn: true));
    }

    [Fact]
    public void Truncate_PlainText_CutsThroughEscapesAndLinks()
    {
        // Only mrkdwn gives '&' and '<' a meaning; plain text is cut where it is.
        Assert.Equal("aaa&am…", SlackText.Truncate("aaa&amp;cccc", 7));
        Assert.Equal("see <htt…", SlackText.Truncate("see <https://example.com|x>", 9));
    }

    [Fact]
    public void Mrkdwn_Truncate_KeepsVerbatimAndCutsAsMrkdwn()
    {
        var cut = new Mrkdwn("aaa&amp;cccc", verbatim: true).Truncate(8);

        Assert.Equal("aaa…", cut.Text);
        Assert.True(cut.Verbatim);
    }

    [Fact]
    public void Mrkdwn_TruncateWithinMax_SameInstance()
    {
        var text = new Mrkdwn("short", verbatim: true);

        Assert.Same(text, text.Truncate(5));
    }
}
