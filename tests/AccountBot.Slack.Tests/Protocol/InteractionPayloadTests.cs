using AccountBot.Slack.Protocol;
using AccountBot.Testing.Slack;

namespace AccountBot.Slack.Tests.Protocol;

public sealed class InteractionPayloadTests
{
    [Fact]
    public void ParseForm_BlockActionsFixture_ReadsActionAndContext()
    {
        var body = SlackRequestSigner.EncodeInteraction(Fixture.Read("stakeholder-buttons.in-block-actions.json"));

        var payload = Assert.IsType<BlockActionsPayload>(InteractionPayload.ParseForm(body));

        Assert.Equal("U0CA5", payload.User.Id);
        Assert.Equal("amy.mcgee", payload.User.Username);
        Assert.Equal("T3MDE", payload.Team?.Id);
        Assert.Null(payload.Enterprise);
        Assert.Equal(new(null, "T3MDE"), payload.TeamKey);
        Assert.Equal("C0CA5", payload.Channel?.Id);
        Assert.Equal("message", payload.Container?.Type);
        Assert.Equal("1548261231.000200", payload.Container?.MessageTs);
        Assert.Equal("1548261231.000200", payload.Message?.Ts);
        Assert.Equal("12466734323.1395872398", payload.TriggerId);
        Assert.StartsWith("https://hooks.slack.com/actions/", payload.ResponseUrl, StringComparison.Ordinal);
        var action = Assert.Single(payload.Actions);
        Assert.Equal("stakeholder:edit", action.ActionId);
        Assert.Equal("stakeholder-42", action.BlockId);
        Assert.Equal("button", action.Type);
        Assert.Equal("42", action.Value);
        Assert.Equal("champion", payload.State?.GetSelectedOption("stance-block", "stance")?.Value);
        Assert.True(payload.Message?.ExtensionData?.ContainsKey("blocks"));
    }

    [Fact]
    public void Parse_ViewSubmissionFixture_TypedAccessorsReadEveryInputKind()
    {
        var payload = Assert.IsType<ViewSubmissionPayload>(InteractionPayload.Parse(Fixture.Read("stakeholder-form.in-view-submission.json")));

        var view = payload.View;
        Assert.Equal("V0CA5", view.Id);
        Assert.Equal("stakeholder-form", view.CallbackId);
        Assert.Equal("{\"account\":\"acme\"}", view.PrivateMetadata);
        Assert.Equal("156772938.1827394", view.Hash);
        var state = view.State;
        Assert.Equal("Ada Lovelace", state.GetText("name", "value"));
        Assert.Null(state.GetText("notes", "value"));
        Assert.Equal("champion", state.GetSelectedOption("stance", "value")?.Value);
        Assert.Equal("Champion", state.GetSelectedOption("stance", "value")?.Text?.Text);
        Assert.Equal(["budget", "tech"], state.GetSelectedOptions("tags", "value").Select(o => o.Value));
        Assert.Equal("acme", state.GetSelectedOption("account", "value")?.Value);
        Assert.Equal("U0OWNER", state.GetSelectedUser("owner", "value"));
        Assert.Equal(new DateOnly(2025, 3, 14), state.GetDate("next-meeting", "value"));
        Assert.Equal(7.5m, state.GetNumber("influence", "value"));
        Assert.Equal(["decision-maker"], state.GetSelectedOptions("flags", "value").Select(o => o.Value));
        Assert.Equal("high", state.GetSelectedOption("interest", "value")?.Value);
        Assert.Null(state.Find("missing", "value"));
        Assert.Empty(state.GetSelectedOptions("missing", "value"));
        Assert.Null(state.GetDate("missing", "value"));
    }

    [Fact]
    public void Parse_ViewClosedFixture_ReadsViewAndCleared()
    {
        var payload = Assert.IsType<ViewClosedPayload>(InteractionPayload.Parse(Fixture.Read("stakeholder-form.in-view-closed.json")));

        Assert.Equal("stakeholder-form", payload.View.CallbackId);
        Assert.False(payload.IsCleared);
        Assert.Equal("U0CA5", payload.User.Id);
    }

    [Fact]
    public void Parse_BlockSuggestionFixture_ReadsQuery()
    {
        var payload = Assert.IsType<BlockSuggestionPayload>(InteractionPayload.Parse(Fixture.Read("account-search.block-suggestion.json")));

        Assert.Equal("account", payload.ActionId);
        Assert.Equal("account", payload.BlockId);
        Assert.Equal("acm", payload.Value);
        Assert.Equal("stakeholder-form", payload.View?.CallbackId);
    }

    [Fact]
    public void Parse_UnknownTypeWithExtraFields_IsUnknownPayloadKeepingFields()
    {
        var payload = InteractionPayload.Parse("""{"type":"shortcut","callback_id":"x","user":{"id":"U1"},"team":{"id":"T1"},"brand_new":1}""");

        var unknown = Assert.IsType<UnknownInteractionPayload>(payload);
        Assert.Equal("shortcut", unknown.Type);
        Assert.True(unknown.ExtensionData?.ContainsKey("brand_new"));
    }

    [Fact]
    public void Parse_TypeNotFirst_StillSwitchesOnType()
    {
        var payload = InteractionPayload.Parse("""{"user":{"id":"U1"},"view":{"id":"V1","callback_id":"cb"},"type":"view_closed"}""");
        Assert.IsType<ViewClosedPayload>(payload);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"user":{"id":"U1"}}""")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"}}""")]
    [InlineData("""{"type":"block_actions"}""")]
    public void Parse_Malformed_ThrowsPayloadException(string json)
    {
        Assert.Throws<SlackPayloadException>(() => InteractionPayload.Parse(json));
    }

    [Fact]
    public void ParseForm_WithoutPayloadField_ThrowsPayloadException()
    {
        Assert.Throws<SlackPayloadException>(() => InteractionPayload.ParseForm("foo=bar"));
    }

    // Regressions found by the hostile-input corpus (tests/AccountBot.Host.Tests/Hostile): each used to escape as a 500.
    [Theory]
    [InlineData("[]")]
    [InlineData("\"block_actions\"")]
    [InlineData("{\"type\":\"\\udc00\\ud800\",\"user\":{\"id\":\"U1\"}}")]
    [InlineData("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T1\"},\"actions\":[null]}")]
    public void Parse_NotAPayloadWeCanRead_ThrowsPayloadException(string json) =>
        Assert.Throws<SlackPayloadException>(() => InteractionPayload.Parse(json));

    [Fact]
    public void Parse_ViewWithoutCallbackIdMetadataOrValues_KeepsEmptyDefaults()
    {
        var payload = Assert.IsType<ViewSubmissionPayload>(InteractionPayload.Parse("""{"type":"view_submission","user":{"id":"U1"},"team":{"id":"T1"},"view":{"id":"V1","state":{}}}"""));

        Assert.Equal(string.Empty, payload.View.CallbackId);
        Assert.Equal(string.Empty, payload.View.PrivateMetadata);
        Assert.Empty(payload.View.State.Values);
    }

    [Fact]
    public void Parse_NullBlocksAndOptionsInState_ReadAsAbsent()
    {
        var payload = Assert.IsType<ViewSubmissionPayload>(InteractionPayload.Parse("""
            {"type":"view_submission","user":{"id":"U1"},"team":{"id":"T1"},"view":{"id":"V1","callback_id":"f","state":{"values":{
              "name":null,
              "roles":{"roles":{"type":"multi_static_select","selected_options":[null,{"text":{"type":"plain_text","text":"Signer"},"value":"Signer"}]}}}}}}
            """));

        Assert.Null(payload.View.State.GetText("name", "name"));
        Assert.Equal(["Signer"], payload.View.State.GetSelectedOptions("roles", "roles").Select(o => o.Value));
    }
}
