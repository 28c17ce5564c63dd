using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.Tests.Blocks;

/// <summary>One test per Slack limit: shown text is truncated, ids/data/counts throw (see <see cref="SlackLimits"/>).</summary>
public sealed class SlackLimitsTests
{
    private static string Long(int length) => new('x', length);

    private static IEnumerable<Option> Options(int count) => Enumerable.Range(0, count).Select(i => new Option($"Option {i}", $"v{i}"));

    [Fact]
    public void ModalView_TitleSubmitCloseOver24_TruncatedTo24()
    {
        var modal = new ModalView("cb", Long(25), [new DividerBlock()], submit: Long(30), close: Long(24));

        Assert.Equal(24, modal.Title.Text.Length);
        Assert.Equal(24, modal.Submit!.Text.Length);
        Assert.Equal(Long(24), modal.Close!.Text);
    }

    [Fact]
    public void ModalView_InputsWithoutSubmit_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new ModalView("cb", "T", [new InputBlock("Name", new PlainTextInputElement("v"))]));
        Assert.Contains("submit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModalView_NoInputsWithoutSubmit_IsAllowed()
    {
        Assert.Null(new ModalView("cb", "T", [new DividerBlock()]).Submit);
    }

    [Fact]
    public void ModalView_PrivateMetadataOver3000_Throws()
    {
        _ = new ModalView("cb", "T", []) { PrivateMetadata = Long(3000) };
        var e = Assert.Throws<ArgumentException>(() => new ModalView("cb", "T", []) { PrivateMetadata = Long(3001) });
        Assert.Contains("3000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModalView_Over100Blocks_Throws()
    {
        _ = new ModalView("cb", "T", Enumerable.Range(0, 100).Select(_ => new DividerBlock()));
        var e = Assert.Throws<ArgumentException>(() => new ModalView("cb", "T", Enumerable.Range(0, 101).Select(_ => new DividerBlock())));
        Assert.Contains("100", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SlackMessage_Over50Blocks_Throws()
    {
        _ = new SlackMessage("t", Enumerable.Range(0, 50).Select(_ => new DividerBlock()));
        var e = Assert.Throws<ArgumentException>(() => new SlackMessage("t", Enumerable.Range(0, 51).Select(_ => new DividerBlock())));
        Assert.Contains("50", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StaticSelect_Over100Options_Throws()
    {
        _ = new StaticSelectElement("a", Options(100));
        Assert.Throws<ArgumentException>(() => new StaticSelectElement("a", Options(101)));
        Assert.Throws<ArgumentException>(() => new MultiStaticSelectElement("a", Options(101)));
        Assert.Throws<ArgumentException>(() => new OptionsResponse(Options(101)));
        Assert.Throws<ArgumentException>(() => new OptionGroup("g", Options(101)));
    }

    [Fact]
    public void CheckboxesAndRadios_Over10Options_Throw()
    {
        Assert.Throws<ArgumentException>(() => new CheckboxesElement("a", Options(11)));
        Assert.Throws<ArgumentException>(() => new RadioButtonsElement("a", Options(11)));
    }

    [Fact]
    public void Option_TextOver75_TruncatedTo75()
    {
        var option = new Option(Long(100), "v");
        Assert.Equal(75, option.Text.Text.Length);
    }

    [Fact]
    public void Option_ValueOver150_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Option("t", Long(151)));
    }

    [Fact]
    public void SectionBlock_PlainTextOver3000_TruncatedTo3000()
    {
        var section = new SectionBlock(new PlainText(Long(3500)));
        Assert.Equal(3000, section.Text!.Text.Length);
    }

    [Fact]
    public void SectionBlock_FieldsOver2000EachOrMoreThan10_TruncatedOrThrown()
    {
        Assert.Equal(2000, new SectionBlock(null, [Long(2500)]).Fields![0].Text.Length);
        Assert.Throws<ArgumentException>(() => new SectionBlock(null, Enumerable.Range(0, 11).Select(i => (TextObject)$"f{i}")));
    }

    [Fact]
    public void SectionBlock_NoTextNoFields_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SectionBlock(null));
    }

    [Fact]
    public void HeaderBlock_TextOver150_TruncatedTo150()
    {
        Assert.Equal(150, new HeaderBlock(Long(200)).Text.Text.Length);
    }

    [Fact]
    public void ButtonElement_TextOver75_TruncatedTo75()
    {
        Assert.Equal(75, new ButtonElement("a", Long(80)).Text.Text.Length);
    }

    [Fact]
    public void ButtonElement_ValueOver2000_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ButtonElement("a", "t") { Value = Long(2001) });
    }

    [Fact]
    public void ActionId_Over255_Throws()
    {
        _ = new ButtonElement(Long(255), "t");
        var e = Assert.Throws<ArgumentException>(() => new ButtonElement(Long(256), "t"));
        Assert.Contains("255", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PlainTextInputElement(""));
    }

    [Fact]
    public void BlockId_Over255_Throws()
    {
        _ = new DividerBlock { BlockId = Long(255) };
        Assert.Throws<ArgumentException>(() => new DividerBlock { BlockId = Long(256) });
    }

    [Fact]
    public void CallbackId_Over255_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ModalView(Long(256), "T", []));
    }

    [Fact]
    public void ActionsBlock_Over25Elements_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ActionsBlock(Enumerable.Range(0, 26).Select(i => new ButtonElement($"a{i}", "b"))));
        Assert.Throws<ArgumentException>(() => new ActionsBlock([]));
    }

    [Fact]
    public void PlainTextInput_MaxLengthOver3000_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlainTextInputElement("a") { MaxLength = 3001 });
    }

    [Fact]
    public void InputBlock_WithButton_Throws()
    {
        Assert.Throws<ArgumentException>(() => new InputBlock("l", new ButtonElement("a", "b")));
    }

    [Fact]
    public void TextObject_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PlainText(""));
    }

    [Fact]
    public void ViewErrorsResponse_NoErrors_Throws()
    {
        Assert.Throws<ArgumentException>(() => ViewSubmissionResponse.Errors(new Dictionary<string, string>()));
    }
}
