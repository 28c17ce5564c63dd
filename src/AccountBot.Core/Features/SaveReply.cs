using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features;

/// <summary>
/// What a save answers the adapter, so it never asks the store itself: the <see cref="Outcome"/> (saved, a repeat,
/// invalid, gone, busy), the <see cref="Reply"/> for the person who saved (the map, or the form with its errors, or a
/// notice), and the <see cref="Announcement"/> for the conversation the save came from, set only on the save that
/// wrote the change (a repeat was announced the first time).
/// </summary>
public sealed record SaveReply(SaveOutcome Outcome, Reply Reply)
{
    /// <summary>The reply to post where the form or command came from; null when there is nothing new to say there.</summary>
    public Reply? Announcement => Outcome == SaveOutcome.Saved ? Reply : null;

    /// <summary>The answer to a finished map edit: the updated map for the channel with <paramref name="notice"/>, or what went wrong.</summary>
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
