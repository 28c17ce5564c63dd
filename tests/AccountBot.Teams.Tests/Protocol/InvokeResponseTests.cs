using System.Text.Json;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Tests.Protocol;

public sealed class InvokeResponseTests
{
    [Fact]
    public void FromAdaptiveCardResponse_Card_IsHttp200WithCardBody()
    {
        var response = InvokeResponse.FromAdaptiveCardResponse(
            AdaptiveCardInvokeResponse.Card(new AdaptiveCard([new TextBlock("Saved")]) { MsTeams = null }));

        Assert.Equal(200, response.Status);
        Assert.Equal(
            """{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Saved"}]}}""",
            JsonSerializer.Serialize(response.Body));
    }

    [Fact]
    public void FromAdaptiveCardResponse_Message_HasTextValue()
    {
        var response = InvokeResponse.FromAdaptiveCardResponse(AdaptiveCardInvokeResponse.Message("Done"));

        Assert.Equal(
            """{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Done"}""",
            JsonSerializer.Serialize(response.Body));
    }

    [Fact]
    public void FromAdaptiveCardResponse_Error_CarriesCodeAndMessage()
    {
        var response = InvokeResponse.FromAdaptiveCardResponse(AdaptiveCardInvokeResponse.Error("BadRequest", "Name is required"));

        Assert.Equal(200, response.Status);
        Assert.Equal(
            """{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"Name is required"}}""",
            JsonSerializer.Serialize(response.Body));
    }

    [Fact]
    public void FromTaskModuleResponse_Continue_IsTheDialogWithTitleSizeAndCardAttachment()
    {
        var card = CardAttachment.Create(new AdaptiveCard([new TextBlock("Form")]) { MsTeams = null });

        var response = InvokeResponse.FromTaskModuleResponse(TaskModuleResponse.Continue(new TaskInfo("Add to account map", card) { Height = "large", Width = "medium" }));

        Assert.Equal(200, response.Status);
        Assert.Equal(
            """{"task":{"type":"continue","value":{"title":"Add to account map","card":{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Form"}]}},"height":"large","width":"medium"}}}""",
            JsonSerializer.Serialize(response.Body));
    }

    [Fact]
    public void Refusal_MessageExtensionInvoke_IsADialogMessage_OtherInvokeAnAdaptiveCardMessage()
    {
        Assert.Equal("""{"task":{"type":"message","value":"No."}}""", JsonSerializer.Serialize(InvokeResponse.Refusal(InvokeNames.FetchTask, "No.").Body));
        Assert.Equal("""{"task":{"type":"message","value":"No."}}""", JsonSerializer.Serialize(InvokeResponse.Refusal("composeExtension/submitAction", "No.").Body));
        Assert.Equal(
            """{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"No."}""",
            JsonSerializer.Serialize(InvokeResponse.Refusal(InvokeNames.AdaptiveCardAction, "No.").Body));
    }
}
