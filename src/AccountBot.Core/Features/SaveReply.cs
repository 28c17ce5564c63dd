using AccountBot.Core.Abstractions;
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
}
