using System.Text.Json;
using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.Tests.Blocks;

public sealed class BlockSerializationTests
{
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, typeof(T), SlackJsonContext.Default);

    [Fact]
    public void Serialize_SampleMessage_MatchesGolden()
    {
        GoldenJson.AssertMatches("map-message.respond", Json(BlockSamples.MapMessage()));
    }

    [Fact]
    public void Serialize_SampleModal_MatchesGolden()
    {
        GoldenJson.AssertMatches("stakeholder.modal", Json(BlockSamples.StakeholderModal()));
    }

    [Fact]
    public void Serialize_BlockDeclaredAsBase_WritesTypeFirst()
    {
        IReadOnlyList<Block> blocks = [new DividerBlock { BlockId = "d1" }, new HeaderBlock("Hi")];

        var json = Json(blocks);

        Assert.Equal("""[{"type":"divider","block_id":"d1"},{"type":"header","text":{"type":"plain_text","text":"Hi"}}]""", json);
    }

    [Fact]
    public void ImplicitString_ToPlainText_WritesPlainTextObject()
    {
        TextObject text = "Acme";
        PlainText plain = "Acme";

        Assert.Equal("""{"type":"plain_text","text":"Acme"}""", Json(text));
        Assert.Equal("""{"type":"plain_text","text":"Acme"}""", Json(plain));
    }

    [Fact]
    public void Serialize_Mrkdwn_WritesVerbatim()
    {
        Assert.Equal("""{"type":"mrkdwn","text":"*x*","verbatim":true}""", Json<TextObject>(new Mrkdwn("*x*", verbatim: true)));
    }

    [Fact]
    public void Serialize_ViewErrors_WritesResponseActionAndErrorsObject()
    {
        var json = Json<ViewSubmissionResponse>(ViewSubmissionResponse.Errors(new Dictionary<string, string> { ["name"] = "Name is required" }));

        Assert.Equal("""{"response_action":"errors","errors":{"name":"Name is required"}}""", json);
    }

    [Fact]
    public void Serialize_ViewClear_WritesOnlyResponseAction()
    {
        Assert.Equal("""{"response_action":"clear"}""", Json<ViewSubmissionResponse>(ViewSubmissionResponse.Clear()));
    }

    [Fact]
    public void Serialize_ViewPush_WritesModal()
    {
        var json = Json<ViewSubmissionResponse>(ViewSubmissionResponse.Push(new ModalView("cb", "Next", [new DividerBlock()])));

        Assert.Equal("""{"response_action":"push","view":{"type":"modal","callback_id":"cb","title":{"type":"plain_text","text":"Next"},"blocks":[{"type":"divider"}]}}""", json);
    }

    [Fact]
    public void Serialize_Options_WritesOptionsArray()
    {
        var json = Json(new OptionsResponse([new Option("Acme", "acme")]));

        Assert.Equal("""{"options":[{"text":{"type":"plain_text","text":"Acme"},"value":"acme"}]}""", json);
    }
}
