using System.Text.Json;
using AccountBot.Core.Views;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.WebApi;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Slack;

namespace AccountBot.Slack.Tests.Rendering;

/// <summary>"Your accounts" in Block Kit: the App Home tab (views.publish) and the <c>/map mine</c> answer, empty, one and many.</summary>
[Collection(ContractCheckCollection.Name)]
public sealed class HomeBlocksTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("slack-home-json-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static IEnumerable<(string Name, HomeView View)> States() =>
        [("empty", HomeViews.Empty()), ("one", HomeViews.One()), ("many", HomeViews.Many(40))];

    [Fact]
    public async Task Check_HomeTabAndMessage_EmptyOneMany_SlackTypesAccept()
    {
        var samples = new List<(string, object, Type)>();
        foreach (var (name, view) in States())
        {
            samples.Add(($"home-{name}.views-publish", new ViewsPublishRequest("U0ANA", HomeBlocks.Tab(view, name == "one" ? "Done: the next step of Jane <b> on Acme is marked done." : null)), typeof(ViewsPublishRequest)));
            var message = new SlackMessageRenderer().Render(view) with { ResponseType = null };
            samples.Add(($"home-{name}.message", new ChatPostMessageRequest("C0DEALS", message.Text, message.Blocks, null, null), typeof(ChatPostMessageRequest)));
        }

        var result = await SlackJsonCheck.RunAsync(_dir, samples);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void Render_Many_StaysWithinMessageLimits_WithUniqueActionIdsAndMoreLines()
    {
        var view = HomeViews.Many(40);
        var json = JsonSerializer.SerializeToElement(new SlackMessageRenderer().Render(view), SlackJsonContext.Default.SlackMessage);

        var blocks = json.GetProperty("blocks");
        Assert.InRange(blocks.GetArrayLength(), 1, 50);
        var actionIds = blocks.EnumerateArray().Where(b => b.TryGetProperty("accessory", out _)).Select(b => b.GetProperty("accessory").GetProperty("action_id").GetString()).ToList();
        Assert.Equal(actionIds.Count, actionIds.Distinct().Count());
        Assert.Equal(view.Steps.Count + view.Maps.Count, actionIds.Count);
        var text = json.GetRawText();
        Assert.Contains("and 25 more", text, StringComparison.Ordinal);
        Assert.Contains("and 30 more", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tab_ButtonsAreHomeActions_CarryingTheCoreCommands()
    {
        var view = HomeViews.One();
        var json = JsonSerializer.SerializeToElement(HomeBlocks.Tab(view), SlackJsonContext.Default.HomeTabView);

        Assert.Equal("home", json.GetProperty("type").GetString());
        var buttons = json.GetProperty("blocks").EnumerateArray().Where(b => b.TryGetProperty("accessory", out _)).Select(b => b.GetProperty("accessory")).ToList();
        Assert.Contains(buttons, b => b.GetProperty("action_id").GetString()!.StartsWith(SlackBotIds.HomeDone, StringComparison.Ordinal) && b.GetProperty("value").GetString() == view.Steps[0].DoneCommand);
        Assert.Contains(buttons, b => b.GetProperty("action_id").GetString()!.StartsWith(SlackBotIds.HomeOpen, StringComparison.Ordinal) && b.GetProperty("value").GetString() == view.Maps[0].OpenCommand);
    }

    [Fact]
    public void Manifest_EnablesTheHomeTabAndItsEvent()
    {
        var manifest = File.ReadAllText(Path.Combine(SlackContractCheck.FindRepositoryRoot(), "manifests", "slack", "manifest.yml"));

        Assert.Contains("home_tab_enabled: true", manifest, StringComparison.Ordinal);
        Assert.Contains("- app_home_opened", manifest, StringComparison.Ordinal);
    }
}
