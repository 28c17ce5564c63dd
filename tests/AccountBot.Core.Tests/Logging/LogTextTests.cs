using AccountBot.Core.Logging;

namespace AccountBot.Core.Tests.Logging;

public sealed class LogTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("access_denied", "access_denied")]
    [InlineData("a\r\nb\u001b[31mc\u202Ed", "a??b?[31mc?d")]
    public void Untrusted_ShortValue_KeepsPrintableText(string? value, string expected) =>
        Assert.Equal(expected, LogText.Untrusted(value));

    [Fact]
    public void Untrusted_LongValue_IsCutToThePrefix()
    {
        var shown = LogText.Untrusted(new string('k', 10_000));

        Assert.Equal(new string('k', LogText.MaxLength) + "…", shown);
    }
}
