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
}
