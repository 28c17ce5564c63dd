using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Protocol;
using Xunit.Abstractions;

namespace AccountBot.Teams.Tests.Cards;

public sealed class AdaptiveCardTests(ITestOutputHelper output)
{
    [Fact]
    public void Serialize_StakeholderForm_MatchesGoldenJson()
    {
        var json = JsonSerializer.Serialize(SampleCards.StakeholderForm(), TeamsJsonContext.Default.AdaptiveCard);

        if (Environment.GetEnvironmentVariable("ACCOUNTBOT_UPDATE_GOLDEN") == "1")
            File.WriteAllText(Path.Combine(ContractCheck.RepositoryRoot(), "tests", "AccountBot.Teams.Tests", "Fixtures", "stakeholder-form.card.json"), Pretty(json) + "\n");

        var golden = JsonNode.Parse(Fixtures.Read("stakeholder-form.card.json"));
        Assert.True(JsonNode.DeepEquals(golden, JsonNode.Parse(json)), "card changed; if intended, rerun with ACCOUNTBOT_UPDATE_GOLDEN=1 and review the diff:\n" + Pretty(json));
    }

    [Fact]
    public void Serialize_Card_WritesTypeFirstAndOmitsNulls()
    {
        var json = JsonSerializer.Serialize(new AdaptiveCard([new TextBlock("Hi") { Wrap = true }]) { Actions = [new SubmitAction("Go")] }, TeamsJsonContext.Default.AdaptiveCard);

        Assert.Equal(
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hi","wrap":true}],"actions":[{"type":"Action.Submit","title":"Go"}],"msteams":{"width":"Full"}}""",
            json);
    }

    [Fact]
    public void Deserialize_SerializedAccountMap_RoundTrips()
    {
        var card = SampleCards.AccountMap();
        var json = JsonSerializer.Serialize(card, TeamsJsonContext.Default.AdaptiveCard);

        var back = JsonSerializer.Deserialize(json, TeamsJsonContext.Default.AdaptiveCard);

        Assert.Equal(json, JsonSerializer.Serialize(back, TeamsJsonContext.Default.AdaptiveCard));
    }

    [Fact]
    public void CardAttachment_Card_HasAdaptiveContentType()
    {
        var message = CardAttachment.ToMessage(SampleCards.AccountMap());

        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.Equal("AdaptiveCard", attachment.Content?.GetProperty("type").GetString());
    }

    [Fact]
    public void MessageSize_LargeCard_ReportsSizeAndRejectsOverLimit()
    {
        var small = CardAttachment.ToMessage(SampleCards.AccountMap());
        var huge = CardAttachment.ToMessage(new AdaptiveCard([.. Enumerable.Range(0, 2000).Select(i => new TextBlock($"Stakeholder number {i} with a long-ish line"))]));

        Assert.InRange(MessageSize.GetByteCount(small), 500, 8 * 1024);
        Assert.True(MessageSize.IsWithinLimit(small));
        Assert.False(MessageSize.IsWithinLimit(huge));
        var exception = Assert.Throws<MessageTooLargeException>(() => MessageSize.EnsureWithinLimit(huge));
        Assert.True(exception.Size > MessageSize.MaxBytes);
    }

    [Fact]
    public async Task TeamsCardCheck_SampleCards_PassMicrosoftsParser()
    {
        var folder = Directory.CreateTempSubdirectory("accountbot-cards-");
        try
        {
            var files = new List<string>
            {
                Write(folder, "account-map.json", JsonSerializer.Serialize(SampleCards.AccountMap(), TeamsJsonContext.Default.AdaptiveCard)),
                Write(folder, "stakeholder-form.json", JsonSerializer.Serialize(SampleCards.StakeholderForm(), TeamsJsonContext.Default.AdaptiveCard)),
                Write(folder, "message.json", JsonSerializer.Serialize(CardAttachment.ToMessage(SampleCards.AccountMap()), TeamsJsonContext.Default.Activity)),
                Write(folder, "invoke-response.json", JsonSerializer.Serialize(
                    AdaptiveCardInvokeResponse.Card(SampleCards.StakeholderForm()), TeamsJsonContext.Default.AdaptiveCardInvokeResponse)),
                Fixtures.Path("stakeholder-form.card.json"),
            };

            var (exitCode, text) = await RunCheckAsync(files);

            output.WriteLine(text);
            Assert.True(exitCode == 0, "teams-card check failed:\n" + text);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TeamsCardCheck_ChoiceWithoutValue_Fails()
    {
        var folder = Directory.CreateTempSubdirectory("accountbot-cards-");
        try
        {
            // Built by hand: the typed model cannot produce a choice without a value.
            var bad = Write(folder, "bad.json", """
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.ChoiceSet","id":"role","choices":[{"title":"Champion"}]}]}
                """);

            var (exitCode, text) = await RunCheckAsync([bad]);

            output.WriteLine(text);
            Assert.NotEqual(0, exitCode);
            Assert.Contains("FAIL", text, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TeamsCardCheck_UnknownElement_Fails()
    {
        var folder = Directory.CreateTempSubdirectory("accountbot-cards-");
        try
        {
            // Built by hand: a misspelt element type that Teams would silently drop.
            var bad = Write(folder, "unknown-element.json", """
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"Acme"}]}
                """);

            var (exitCode, text) = await RunCheckAsync([bad]);

            output.WriteLine(text);
            Assert.NotEqual(0, exitCode);
            Assert.Contains("FAIL " + bad, text, StringComparison.Ordinal);
            Assert.Contains("TextBlok", text, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Write(DirectoryInfo folder, string name, string json)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static Task<(int ExitCode, string Output)> RunCheckAsync(IEnumerable<string> files) => ContractCheck.RunAsync("teams-card", files);

    private static string Pretty(string json) => JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
