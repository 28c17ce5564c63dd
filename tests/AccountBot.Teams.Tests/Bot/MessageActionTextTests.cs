using AccountBot.Core.Features.Capture;
using AccountBot.Teams.Bot;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>The text of a message action's message as the capture form reads it: HTML taken off safely, mentions kept as people.</summary>
public sealed class MessageActionTextTests
{
    [Fact]
    public void Read_HtmlWithParagraphsListAndBreaks_LinesWithABulletPerItem()
    {
        var text = MessageActionText.Read(Html("<div><p>Recap</p><ul><li>Priya Raman, VP Finance</li><li>Omar Haddad, CTO</li></ul>Next<br>steps&nbsp;&amp;&nbsp;<i>pricing</i></div>"));

        Assert.Equal("Recap\n- Priya Raman, VP Finance\n- Omar Haddad, CTO\nNext\nsteps & pricing", text);
        Assert.Equal(["Priya Raman", "Omar Haddad"], CaptureSuggestionReader.Read(text).Select(s => s.Name));
    }

    [Fact]
    public void Read_ScriptStyleAndAttributes_GoneWithTheirContent()
    {
        var text = MessageActionText.Read(Html("<p onclick=\"steal()\">Hi <img src=x onerror=alert(1)></p><script>alert('x')</script><STYLE>p{}</STYLE><a href=\"javascript:x\">link</a>"));

        Assert.Equal("Hi\nlink", text);
    }

    [Fact]
    public void Read_EncodedTagsTypedByTheAuthor_StayText()
    {
        Assert.Equal("a <b> c", MessageActionText.Read(Html("<p>a &lt;b&gt; c</p>")));
    }

    [Fact]
    public void Read_OnePersonSplitOverTwoMentions_OneMentionWithTheirDisplayName()
    {
        var payload = Html("<p><at id=\"0\">Tom</at>&nbsp;<at id=\"1\">Becker</at> and <at id=\"2\">Ana</at> joined</p>") with
        {
            Mentions = [Person(0, "Tom", "u1", "Tom Becker"), Person(1, "Becker", "u1", "Tom Becker"), Person(2, "Ana", "u2", "Ana Silva")],
        };

        var text = MessageActionText.Read(payload);

        Assert.Equal("<at>Tom Becker</at> and <at>Ana Silva</at> joined", text);
        Assert.Equal(["Tom Becker", "Ana Silva"], CaptureSuggestionReader.Read(text).Select(s => s.Name));
        Assert.Equal("Tom Becker and Ana Silva joined", CapturePrefill.Notes(text));
    }

    [Fact]
    public void Read_MentionOfAnAppOrChannel_PlainTextNoSuggestion()
    {
        var payload = Html("<p><at id=\"0\">AccountBot</at> map Acme, <at id=\"1\">General</at></p>") with
        {
            Mentions = [new MessageActionMention { Id = 0, MentionText = "AccountBot", Mentioned = new MessageActionIdentity() }],
        };

        var text = MessageActionText.Read(payload);

        Assert.Equal("AccountBot map Acme, General", text);
        Assert.Empty(CaptureSuggestionReader.Read(text));
    }

    [Fact]
    public void Read_StandInCharactersInTheInput_CannotForgeAMention()
    {
        var payload = Html("<p>\u00010\u0002 hello</p>") with { Mentions = [Person(0, "Tom", "u1", "Tom Becker")] };

        var text = MessageActionText.Read(payload);

        Assert.Equal("0 hello", text);
    }

    [Fact]
    public void Read_PlainTextBodyOrNone_AsWrittenOrNull()
    {
        Assert.Equal("Priya Raman, VP Finance", MessageActionText.Read(new MessageActionPayload { Body = new MessageActionBody { ContentType = "text", Content = " Priya Raman, VP Finance \r\n" } }));
        Assert.Null(MessageActionText.Read(new MessageActionPayload()));
        Assert.Null(MessageActionText.Read(null));
        Assert.Null(MessageActionText.Read(Html("<p> </p><br>")));
    }

    [Fact]
    public void Read_HugeBody_CutBeforeReading()
    {
        var text = MessageActionText.Read(Html("<p>" + new string('a', MessageActionText.MaxContentLength * 2) + "</p>"));

        Assert.Equal(MessageActionText.MaxContentLength - "<p>".Length, text!.Length);
    }

    [Theory]
    [InlineData("https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1?tenantId=t", true)]
    [InlineData("http://teams.microsoft.com/l/message/1", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/relative", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Link_OnlyAnAbsoluteHttpsAddress(string? link, bool kept)
    {
        Assert.Equal(kept, MessageActionText.Link(link) is not null);
    }

    private static MessageActionPayload Html(string html) => new() { Body = new MessageActionBody { ContentType = "html", Content = html } };

    private static MessageActionMention Person(int id, string text, string userId, string name) => new()
    {
        Id = id,
        MentionText = text,
        Mentioned = new MessageActionIdentity { User = new MessageActionUser { Id = userId, DisplayName = name } },
    };
}
