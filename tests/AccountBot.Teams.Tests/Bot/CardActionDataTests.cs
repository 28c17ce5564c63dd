using System.Text.Json;
using AccountBot.Teams.Bot;

namespace AccountBot.Teams.Tests.Bot;

public sealed class CardActionDataTests
{
    [Fact]
    public void TryRead_OurSubmit_ReadsFieldsAsText()
    {
        using var value = JsonDocument.Parse("""{"verb":"submitStakeholder","power":4,"inPlace":true,"name":" Jane "}""");

        var data = CardActionData.TryRead(value.RootElement);

        Assert.Equal("submitStakeholder", data?.Verb);
        Assert.Equal("4", data?.Get("power"));
        Assert.Equal("Jane", data?.Get("name"));
        Assert.True(data?.InPlace);
    }

    // Found by the hostile-input corpus: a lone surrogate (or invalid UTF-8) in any field threw when read, and the
    // user got "something went wrong". Such a submit is not one we can trust any field of: it is not read at all.
    [Theory]
    [InlineData("""{"verb":"submitStakeholder","stance":"\udc00"}""")]
    [InlineData("""{"verb":"\ud800"}""")]
    public void TryRead_TextThatIsNotUnicode_NotACardAction(string json)
    {
        using var value = JsonDocument.Parse(json);

        Assert.Null(CardActionData.TryRead(value.RootElement));
    }

    [Fact]
    public void TryRead_InvalidUtf8Bytes_NotACardAction()
    {
        using var value = JsonDocument.Parse((byte[])[.. """{"verb":"submitStakeholder","stance":"""u8.ToArray(), (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)'}']);

        Assert.Null(CardActionData.TryRead(value.RootElement));
    }
}
