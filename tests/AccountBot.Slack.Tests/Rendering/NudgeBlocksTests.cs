using System.Text.Json;
using AccountBot.Slack.Rendering;

namespace AccountBot.Slack.Tests.Rendering;

/// <summary>The nudge's buttons carry Core's commands: Done the home's <c>done</c>, Snooze <c>postpone … day</c>, Open map the map.</summary>
public sealed class NudgeBlocksTests
{
    [Fact]
    public void Render_OneStep_DoneSnoozeOpenButtonsCarryTheCommands()
    {
        var nudge = RenderedViews.Nudge(1);
        var step = nudge.Steps[0];

        var json = JsonSerializer.SerializeToElement(NudgeBlocks.Render(nudge), SlackJsonContext.Default.SlackMessage);

        var buttons = json.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Select(e => (Id: e.GetProperty("action_id").GetString(), Label: e.GetProperty("text").GetProperty("text").GetString(), Value: e.GetProperty("value").GetString()))
            .ToList();
        Assert.Equal(
            [
                (SlackBotIds.NudgeDone, "Done", $"map Globex <Corp> & Co done id:{step.StakeholderId:N}"),
                (SlackBotIds.NudgeSnooze, "Snooze", $"map Globex <Corp> & Co postpone \"id:{step.StakeholderId:N}\" day"),
                (SlackBotIds.NudgeOpen, "Open map", "map Globex <Corp> & Co"),
            ],
            buttons);
    }

    [Fact]
    public void Render_MoreStepsThanFit_StaysWithinFiftyBlocks()
    {
        var json = JsonSerializer.SerializeToElement(NudgeBlocks.Render(RenderedViews.Nudge(30)), SlackJsonContext.Default.SlackMessage);

        Assert.True(json.GetProperty("blocks").GetArrayLength() <= 50);
    }
}
