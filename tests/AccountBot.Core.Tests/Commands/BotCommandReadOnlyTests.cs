using AccountBot.Core.Commands;

namespace AccountBot.Core.Tests.Commands;

/// <summary>
/// Which typed commands only show something: an adapter may then let their answer go with a crash (it is asked for
/// again). A command that changes anything must never be counted among them, or its answer could be lost.
/// </summary>
public sealed class BotCommandReadOnlyTests
{
    [Theory]
    [InlineData("map")]
    [InlineData("map help")]
    [InlineData("map list")]
    [InlineData("map mine")]
    [InlineData("map Acme")]
    [InlineData("map Acme history")]
    [InlineData("map Acme grid")]
    [InlineData("map Acme org")]
    public void Question_IsReadOnly(string text) =>
        Assert.True(CommandParser.Parse(text).IsReadOnly(), text);

    [Fact]
    public void TextThatDidNotParse_IsReadOnly() =>
        Assert.True(Assert.IsType<InvalidCommand>(CommandParser.Parse("map Acme create wholesale")).IsReadOnly());

    [Theory]
    [InlineData("map Acme create")]
    [InlineData("map Acme add Jane Doe, VP Finance")]
    [InlineData("map Acme add")]
    [InlineData("map Acme edit Jane Doe")]
    [InlineData("map Acme tag Jane Doe champion")]
    [InlineData("map Acme remove Jane Doe")]
    [InlineData("map Acme reviewed")]
    [InlineData("map Acme done Jane Doe")]
    [InlineData("map Acme link")]
    [InlineData("map Acme delete")]
    [InlineData("map settings stale 30")]
    public void CommandThatChangesOrLeadsToAChange_IsNotReadOnly(string text)
    {
        var command = CommandParser.Parse(text);
        Assert.IsNotType<InvalidCommand>(command);
        Assert.False(command.IsReadOnly(), text);
    }
}
