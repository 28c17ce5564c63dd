using AccountBot.Core.Commands;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features;

/// <summary>The reply to a finished map edit: the updated map for the channel, or what went wrong.</summary>
public static class MapEditReplies
{
    public static Reply From(EditResult result, MapViewFactory views, string notice)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(views);
        return result.Outcome switch
        {
            EditOutcome.Saved or EditOutcome.AlreadyApplied => views.Build(result.Map!, notice) with { Visibility = ReplyVisibility.Channel },
            EditOutcome.NotFound => new NoticeView(Tone.Warning, "That map no longer exists.", CommandText.List),
            _ => new NoticeView(Tone.Error, string.Join(" ", result.Errors.Select(e => e.Message))),
        };
    }
}
