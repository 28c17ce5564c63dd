using System.Text.Json;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.WebApi;
using AccountBot.Testing.Slack;

namespace AccountBot.Slack.Tests.Blocks;

/// <summary>Slack's own published types judge what we emit (<c>check slack-json</c>).</summary>
[Collection(ContractCheckCollection.Name)]
public sealed class BlockContractTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("slack-json-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write<T>(string name, T value)
    {
        var path = Path.Combine(_dir.FullName, name + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(value, typeof(T), SlackJsonContext.Default));
        return path;
    }

    internal static IEnumerable<(string Name, object Value, Type Type)> Samples()
    {
        var modal = BlockSamples.StakeholderModal();
        yield return ("map.respond", BlockSamples.MapMessage(), typeof(SlackMessage));
        yield return ("ephemeral-text.respond", new SlackMessage("Only you can see this") { ResponseType = ResponseType.Ephemeral, ReplaceOriginal = true }, typeof(SlackMessage));
        yield return ("stakeholder.modal", modal, typeof(ModalView));
        yield return ("small.modal", new ModalView("info", "About", [new SectionBlock("AccountBot keeps account maps.")], close: "Done"), typeof(ModalView));
        yield return ("map.blocks", BlockSamples.MapMessage().Blocks!, typeof(IReadOnlyList<Block>));
        yield return ("errors.view-response", ViewSubmissionResponse.Errors(new Dictionary<string, string> { ["name"] = "Name is required" }), typeof(ViewSubmissionResponse));
        yield return ("update.view-response", ViewSubmissionResponse.Update(modal), typeof(ViewSubmissionResponse));
        yield return ("push.view-response", ViewSubmissionResponse.Push(modal), typeof(ViewSubmissionResponse));
        yield return ("clear.view-response", ViewSubmissionResponse.Clear(), typeof(ViewSubmissionResponse));

        // The Web API bodies SlackApiClient sends.
        var map = BlockSamples.MapMessage();
        yield return ("map.message", new ChatPostMessageRequest("C1", map.Text, map.Blocks, map.ThreadTs), typeof(ChatPostMessageRequest));
        yield return ("map.ephemeral", new ChatPostEphemeralRequest("C1", "U1", map.Text, map.Blocks, null), typeof(ChatPostEphemeralRequest));
        yield return ("map.update", new ChatUpdateRequest("C1", "1700000000.000100", map.Text, map.Blocks), typeof(ChatUpdateRequest));
        yield return ("stakeholder.views-open", new ViewsOpenRequest("trigger", modal), typeof(ViewsOpenRequest));
        yield return ("stakeholder.views-push", new ViewsOpenRequest("trigger", modal), typeof(ViewsOpenRequest));
        yield return ("stakeholder.views-update", new ViewsUpdateRequest("V1", modal, "hash"), typeof(ViewsUpdateRequest));
    }

    [Fact]
    public async Task Check_SampleMessagesModalsAndResponses_SlackTypesAccept()
    {
        var result = await SlackJsonCheck.RunAsync(_dir, Samples());

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task Check_MisspelledBlockType_Fails()
    {
        // Proves the check can fail: a typo our model cannot produce, written by hand.
        var path = Path.Combine(_dir.FullName, "broken.modal.json");
        await File.WriteAllTextAsync(path, """{"type":"modal","title":{"type":"plain_text","text":"T"},"blocks":[{"type":"secton","text":{"type":"mrkdwn","text":"x"}}]}""");

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await SlackContractCheck.RunAsync("slack-json", [path, Write("ok.modal", new ModalView("cb", "T", [new DividerBlock()]))], timeout.Token);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FAIL " + path, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TextObjectWithoutType_Fails()
    {
        // Slack needs "type" (plain_text or mrkdwn) on every text object; written by hand, our model always sets it.
        var path = Path.Combine(_dir.FullName, "untyped-text.message.json");
        await File.WriteAllTextAsync(path, """{"channel":"C1","text":"x","blocks":[{"type":"section","text":{"text":"no type"}}]}""");

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await SlackContractCheck.RunAsync("slack-json", [path], timeout.Token);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FAIL " + path, result.Output, StringComparison.Ordinal);
        Assert.Contains("'type' is missing", result.Output, StringComparison.Ordinal);
    }
}
