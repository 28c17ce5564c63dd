using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Views;
using AccountBot.Core.Text;

namespace AccountBot.Core.Features;

/// <summary>The reply to a finished map edit: the updated map for the channel, or what went wrong.</summary>
public static class MapEditReplies
{
    public static SaveReply From(SaveResult result, MapViewFactory views, string notice)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(views);
        Reply reply = result.Outcome switch
        {
            SaveOutcome.Saved or SaveOutcome.AlreadyApplied => views.Build(result.Map!, notice) with { Visibility = ReplyVisibility.Channel },
            SaveOutcome.NotFound => new NoticeView(Tone.Warning, Sentences.MapsGone, CommandText.List),
            _ => new NoticeView(Tone.Error, string.Join(" ", result.Errors.Select(e => e.Message))),
        };
        return new SaveReply(result.Outcome, reply);
    }
}
