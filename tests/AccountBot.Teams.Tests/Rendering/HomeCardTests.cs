using System.Text.Json;
using AccountBot.Core.Views;
using AccountBot.Teams.Rendering;
using AccountBot.Testing.Builders;
using Xunit.Abstractions;

namespace AccountBot.Teams.Tests.Rendering;

/// <summary>"Your accounts" as an Adaptive Card (<c>map mine</c>, the personal welcome): empty, one, many, judged by Microsoft's parser.</summary>
public sealed class HomeCardTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TeamsCardCheck_HomeEmptyOneMany_PassMicrosoftsParser()
    {
        var renderer = new TeamsCardRenderer();
        var folder = Directory.CreateTempSubdirectory("accountbot-home-");
        try
        {
            var files = new List<string>();
            foreach (var (name, view) in new[] { ("home-empty", HomeViews.Empty()), ("home-one", HomeViews.One()), ("home-many", HomeViews.Many(40)) })
            {
                var path = Path.Combine(folder.FullName, name + ".json");
                await File.WriteAllTextAsync(path, renderer.RenderMessage(view).Attachments![0].Content!.Value.GetRawText());
                files.Add(path);
            }

            var (exitCode, text) = await ContractCheck.RunAsync("teams-card", files);

            output.WriteLine(text);
            Assert.True(exitCode == 0, "teams-card check failed:\n" + text);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Render_Many_ShowsBoundedListsWithMoreAndDoneButtonsCarryingTheCommand()
    {
        var view = HomeViews.Many(40);

        var json = new TeamsCardRenderer().RenderMessage(view).Attachments![0].Content!.Value.GetRawText();

        Assert.Contains(HomeText.Title, json, StringComparison.Ordinal);
        Assert.Contains("and 25 more", json, StringComparison.Ordinal);
        Assert.Contains("and 30 more", json, StringComparison.Ordinal);
        Assert.Contains(JsonEncodedText.Encode(view.Steps[0].DoneCommand!).ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain("Person 016", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Empty_SaysHowToStart()
    {
        var json = new TeamsCardRenderer().RenderMessage(HomeViews.Empty()).Attachments![0].Content!.Value.GetRawText();

        Assert.Contains(JsonEncodedText.Encode(HomeText.Empty).ToString(), json, StringComparison.Ordinal);
    }
}
