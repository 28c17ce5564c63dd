using System.Text.Json;
using AccountBot.Core.Nudges;
using AccountBot.Core.Text;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Protocol;
using static AccountBot.Teams.Rendering.CardParts;

namespace AccountBot.Teams.Rendering;

/// <summary>
/// A nudge as the Adaptive Card of a proactive 1:1 message: the headline, then per due step its line and Done / Snooze /
/// Open map; an event's line with Open map. The buttons are <c>Action.Submit</c>s carrying Core's command texts (the same
/// the Slack buttons carry), so a click in the 1:1 chat runs the command there.
/// </summary>
public static class NudgeCardRenderer
{
    /// <summary>Steps shown at most; the rest are counted ("and N more") and stay due, so the next day's nudge has them.</summary>
    public const int MaxSteps = 20;

    public static AdaptiveCard Render(Nudge nudge)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        var body = new List<CardElement> { Title(nudge.Title) };
        if (nudge.Steps.Count == 0)
        {
            body.AddRange(nudge.Lines.Select(l => (CardElement)Text(l)));
            if (nudge.OpenCommand is { } open)
                body.Add(new ActionSet([Command(Sentences.NudgeButtonOpen, open, style: ActionStyle.Positive)]));
            return Card(body, nudge.Title);
        }

        var shown = Math.Min(nudge.Steps.Count, MaxSteps);
        for (var i = 0; i < shown; i++)
        {
            var step = nudge.Steps[i];
            body.Add(new Container(
            [
                Text(nudge.Lines[i]),
                new ActionSet(
                [
                    Command(Sentences.NudgeButtonDone, step.DoneCommand, style: ActionStyle.Positive),
                    Command(Sentences.NudgeButtonSnooze, step.SnoozeCommand),
                    Command(Sentences.NudgeButtonOpen, step.OpenCommand),
                ]),
            ]) { Separator = true, Spacing = Spacing.Medium });
        }

        if (nudge.Steps.Count > shown)
            body.Add(Subtle(More(nudge.Steps.Count - shown)) with { Spacing = Spacing.Medium });
        return Card(body, nudge.Title);
    }

    /// <summary>The message activity carrying the card.</summary>
    public static Activity RenderMessage(Nudge nudge)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Render(nudge), TeamsJsonContext.Default.AdaptiveCard);
        using var document = JsonDocument.Parse(json);
        return Activity.CreateMessage(null, [new Attachment { ContentType = CardAttachment.ContentType, Content = document.RootElement.Clone() }]);
    }
}
