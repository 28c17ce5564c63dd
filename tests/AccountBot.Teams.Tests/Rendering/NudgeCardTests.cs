using System.Text.Json;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Nudges;
using AccountBot.Core.Text;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Rendering;
using Xunit.Abstractions;

namespace AccountBot.Teams.Tests.Rendering;

/// <summary>The nudge card of a Teams 1:1 message: its buttons carry Core's command texts, and Microsoft's parser accepts it.</summary>
public sealed class NudgeCardTests(ITestOutputHelper output)
{
    private static readonly UserRef Ada = new("6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "Ada Lovelace");
    private static readonly string[] Names = ["Jane Doe", "Zoë O'Brien-Łukasz", "<at>Bo</at> & \"Co\"", "**Raj** [Patel](https://evil.example)"];

    public static Nudge DueSteps(int count)
    {
        var steps = Enumerable.Range(0, count)
            .Select(i => new NudgeStep(Guid.NewGuid(), "Globex <Corp> & Co", Guid.NewGuid(), Names[i % Names.Length], "send the proposal " + new string('p', 200), new DateOnly(2026, 3, 1)))
            .ToList();
        return new Nudge(NudgeOccasion.DueSteps, Ada, count == 1 ? "Your next step on Jane Doe is due." : $"{count} of your next steps are due.",
            [.. steps.Select(s => $"{s.Name} ({s.Account}): {s.NextStep} — due 2026-03-01, overdue")], steps);
    }

    public static Nudge ChampionLeft() =>
        new(NudgeOccasion.ChampionLeft, Ada, "Jane Doe, a champion on Globex <Corp> & Co, was marked as having left.", ["Bo Seller marked the change. Who champions Globex <Corp> & Co now?"], [], "Globex <Corp> & Co");

    private static List<JsonElement> Submits(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => [
            .. element.TryGetProperty("type", out var t) && t.GetString() == "Action.Submit" ? [element] : Array.Empty<JsonElement>(),
            .. element.EnumerateObject().SelectMany(p => Submits(p.Value))],
        JsonValueKind.Array => [.. element.EnumerateArray().SelectMany(Submits)],
        _ => [],
    };

    /// <summary>Every text the card shows (its text runs), as people read them.</summary>
    private static List<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => [
            .. element.TryGetProperty("type", out var t) && t.GetString() == "TextRun" ? [element.GetProperty("text").GetString()!] : Array.Empty<string>(),
            .. element.EnumerateObject().SelectMany(p => Texts(p.Value))],
        JsonValueKind.Array => [.. element.EnumerateArray().SelectMany(Texts)],
        _ => [],
    };

    [Fact]
    public void Render_DueSteps_EachStepHasDoneSnoozeOpen_CarryingTheStepsCommands()
    {
        var nudge = DueSteps(2);

        var card = JsonSerializer.SerializeToElement(NudgeCardRenderer.Render(nudge), TeamsJsonContext.Default.AdaptiveCard);

        var buttons = Submits(card).Select(a => (a.GetProperty("title").GetString(), a.GetProperty("data").GetProperty(CardVerbs.Keys.Command).GetString())).ToList();
        Assert.Equal(
            [.. nudge.Steps.SelectMany(s => new (string?, string?)[]
            {
                (Sentences.NudgeButtonDone, s.DoneCommand),
                (Sentences.NudgeButtonSnooze, s.SnoozeCommand),
                (Sentences.NudgeButtonOpen, s.OpenCommand),
            })],
            buttons);
        Assert.All(buttons, b => Assert.IsNotType<InvalidCommand>(CommandParser.Parse(b.Item2)));
        Assert.Contains(nudge.Lines[1], Texts(card));
    }

    [Fact]
    public void Render_AnEvent_OneOpenMapButton()
    {
        var card = JsonSerializer.SerializeToElement(NudgeCardRenderer.Render(ChampionLeft()), TeamsJsonContext.Default.AdaptiveCard);

        var button = Assert.Single(Submits(card));
        Assert.Equal(CommandText.Map("Globex <Corp> & Co").Open, button.GetProperty("data").GetProperty(CardVerbs.Keys.Command).GetString());
    }

    [Fact]
    public void RenderMessage_ManySteps_ShowsTheFirstAndCountsTheRest_WithinTeamsMessageSize()
    {
        var message = NudgeCardRenderer.RenderMessage(DueSteps(60));

        var json = JsonSerializer.SerializeToUtf8Bytes(message, TeamsJsonContext.Default.Activity);
        Assert.True(json.Length < MessageSize.MaxBytes, $"{json.Length} bytes");
        var card = message.Attachments![0].Content!.Value;
        Assert.Equal(NudgeCardRenderer.MaxSteps * 3, Submits(card).Count);
        Assert.Contains(Core.Views.MapCardText.More(60 - NudgeCardRenderer.MaxSteps), Texts(card));
    }

    [Fact]
    public async Task TeamsCardCheck_NudgeCards_PassMicrosoftsParser()
    {
        var folder = Directory.CreateTempSubdirectory("accountbot-nudge-cards-");
        try
        {
            var files = new List<string>();
            foreach (var (name, nudge) in new[] { ("nudge-1", DueSteps(1)), ("nudge-60", DueSteps(60)), ("nudge-champion-left", ChampionLeft()) })
            {
                var path = Path.Combine(folder.FullName, name + ".json");
                await File.WriteAllTextAsync(path, NudgeCardRenderer.RenderMessage(nudge).Attachments![0].Content!.Value.GetRawText());
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
}
