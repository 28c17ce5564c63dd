using System.Text.Json;
using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.Tests.Blocks;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("Acme & Co", "Acme &amp; Co")]
    [InlineData("a < b > c", "a &lt; b &gt; c")]
    [InlineData("&lt;", "&amp;lt;")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Escape_SpecialCharacters_ReplacesAmpersandFirstThenAngles(string input, string expected)
    {
        Assert.Equal(expected, SlackText.Escape(input));
    }

    [Theory]
    [InlineData("<!channel> free pizza")]
    [InlineData("<!here>")]
    [InlineData("<!everyone|everyone>")]
    [InlineData("<@U0ADMIN> approve this")]
    [InlineData("<https://evil.example|Click me>")]
    [InlineData("&lt;!channel&gt;")]
    public void Escape_PingOrLinkSyntax_CannotFormAPingInSerialisedMrkdwn(string userText)
    {
        var json = JsonSerializer.Serialize<TextObject>(new Mrkdwn(SlackText.Escape(userText)), SlackJsonContext.Default.TextObject);

        // What Slack reads after JSON decoding: no raw angle bracket survives, so no <!…>, <@…> or <url|…> markup.
        var text = JsonDocument.Parse(json).RootElement.GetProperty("text").GetString()!;
        Assert.DoesNotContain('<', text);
        Assert.DoesNotContain('>', text);
    }

    [Fact]
    public void Truncate_LongText_CutsToMaxWithEllipsis()
    {
        var result = SlackText.Truncate(new string('a', 30), 24);
        Assert.Equal(24, result.Length);
        Assert.EndsWith("…", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncate_SurrogatePairAtCut_DoesNotSplitIt()
    {
        var text = new string('a', 22) + "🚀🚀🚀";
        var result = SlackText.Truncate(text, 24);
        Assert.Equal(new string('a', 22) + "…", result);
    }

    [Fact]
    public void Truncate_MrkdwnEscapeAtCut_DoesNotLeaveHalfAnEntity()
    {
        var text = new string('a', 20) + "&amp;bbbbbbbbbb";
        Assert.Equal(new string('a', 20) + "…", SlackText.Truncate(text, 24, isMrkdwn: true));
    }

    [Fact]
    public void Truncate_MrkdwnLinkAtCut_DoesNotLeaveHalfALink()
    {
        var text = "see <https://example.com/very/long|the map> now";
        Assert.Equal("see …", SlackText.Truncate(text, 20, isMrkdwn: true));
    }
}
