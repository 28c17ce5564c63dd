using System.Collections.Concurrent;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Teams.Routing;

namespace AccountBot.Teams.Bot;

/// <summary>
/// Stores the conversation address on every message, but skips the write when the same address was
/// stored recently: every message carries it, and an identical upsert per message would make the
/// store's write lock the bottleneck of the whole endpoint. A changed serviceUrl, conversation or
/// bot is written at once; an unchanged one is refreshed after <see cref="RefreshAfter"/>. Remembers at most
/// <see cref="MaxKept"/> conversations, so messages from ever more conversations cannot grow it without bound.
/// </summary>
public sealed class ConversationAddressRecorder(IConversationStore store, TimeProvider time)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromHours(12);

    /// <summary>Addresses remembered at most.</summary>
    public const int MaxKept = 10_000;

    private readonly ConcurrentDictionary<string, ConversationAddress> _saved = new(StringComparer.Ordinal);

    /// <summary>
    /// Where the turn's conversation can be answered later (a digest) and where its sender can be nudged in a 1:1 chat
    /// (<see cref="TeamsNudgeSender"/>): both kept fresh on every message, written only when changed or old.
    /// </summary>
    public async Task RecordAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var now = time.GetUtcNow();
        if (turn.ConversationAddressAt(now) is { } conversation)
            await RecordAsync(conversation, force: false, cancellationToken);
        if (turn.SenderAddressAt(now) is { } sender)
            await RecordAsync(sender, force: false, cancellationToken);
    }

    /// <param name="force">Write even if unchanged (install, bot added).</param>
    public async Task RecordAsync(ConversationAddress address, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var key = address.Workspace.Value + "|" + address.ChannelId;
        if (!force && _saved.TryGetValue(key, out var last) && Same(last, address) && time.GetUtcNow() - last.UpdatedAt < RefreshAfter)
            return;

        await store.SaveAsync(address, cancellationToken);
        if (_saved.Count >= MaxKept && !_saved.ContainsKey(key))
            Forget(time.GetUtcNow());
        _saved[key] = address;
    }

    /// <summary>Addresses remembered now.</summary>
    public int Count => _saved.Count;

    /// <summary>
    /// Makes room: entries old enough to be written again anyway go first; if that frees nothing, all go (each
    /// conversation then costs one more write). Forgetting only ever costs a write, never a lost address.
    /// </summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, address) in _saved)
        {
            if (now - address.UpdatedAt >= RefreshAfter)
                _saved.TryRemove(key, out _);
        }

        if (_saved.Count >= MaxKept)
            _saved.Clear();
    }

    private static bool Same(ConversationAddress a, ConversationAddress b) => a with { UpdatedAt = b.UpdatedAt } == b;
}
