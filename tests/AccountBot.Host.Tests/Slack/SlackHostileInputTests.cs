using System.Text;
using System.Text.Json.Nodes;
using AccountBot.Host.Tests.Hostile;

namespace AccountBot.Host.Tests.Slack;

/// <summary>
/// Regressions found by the hostile-input corpus (Hostile/), each as one input to the real host: the answer must not
/// be a 5xx and nothing may fail behind it (no exception logged, including in the follow-up work after the ack).
/// </summary>
public sealed class SlackHostileInputTests(HostileHostFixture fixture) : IClassFixture<HostileHostFixture>
{
    private static HostileCase Interaction(string label, string json) =>
        new(SlackCorpus.Interactivity, "regression", label, HostileHost.SlackT1,
            host => host.SlackPost(SlackCorpus.Interactivity, Encoding.ASCII.GetBytes("payload=" + Uri.EscapeDataString(Encoding.UTF8.GetString(host.Resolve(Encoding.UTF8.GetBytes(json), HostileHost.SlackT1))))));

    [Fact]
    public async Task Button_ResponseUrlNotAUrl_AckedWithoutAFailedFollowUp()
    {
        var payload = JsonNode.Parse(SlackCorpus.BlockAction)!;
        payload["response_url"] = "not a url";

        var outcome = await fixture.Host.RunAsync(Interaction("response_url not a URL", payload.ToJsonString()));

        Assert.Equal(200, outcome.Status);
        Assert.Empty(outcome.Defects);
    }

    [Fact]
    public async Task ImportForm_MetadataTooLongForAChannelId_PreviewIsStillShown()
    {
        var json = SlackCorpus.ViewSubmission("import-form", new string('{', 3000), new JsonObject
        {
            ["account"] = new JsonObject { ["_"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Acme Corp" } },
            ["csv"] = new JsonObject { ["_"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Name\nEve Sone" } },
        });

        var outcome = await fixture.Host.RunAsync(Interaction("import form with 3000 characters of metadata", json));

        Assert.Equal(200, outcome.Status);
        Assert.Empty(outcome.Defects);
    }
}
