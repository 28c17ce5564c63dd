using AccountBot.Teams.Bot;

namespace AccountBot.Teams.Tests.Bot;

public sealed class MessageTextTests
{
    [Theory]
    [InlineData("map Acme", "map Acme")]
    [InlineData("  map   Acme&nbsp;Corp ", "map Acme Corp")]
    [InlineData("map AT&amp;T", "map AT&T")]
    [InlineData("<p>map Acme edit <at>Jane Doe</at></p>", "map Acme edit Jane Doe")]
    [InlineData("map &quot;Add Corp&quot; add", "map \"Add Corp\" add")]
    [InlineData(null, "")]
    public void Clean_TeamsText_GivesCommandText(string? text, string expected) =>
        Assert.Equal(expected, MessageText.Clean(text));
}
