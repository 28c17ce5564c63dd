using System.Collections.Concurrent;
using AccountBot.Core.Abstractions;

namespace AccountBot.Teams.Bot;

/// <summary>
/// Stores the conversation address on every message, but skips the write when the same address was
/// stored recently: every message carries it, and an identical upsert per message would make the
/// store's write lock the bottleneck of the whole endpoint. A changed serviceUrl, conversation or
/// bot is written at once; an unchanged one is refreshed after <see cref="RefreshAfter"/>.
/// </summary>
public sealed class ConversationAddressRecorder(IConversationStore store, TimeProvider time)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, ConversationAddress> _saved = new(StringComparer.Ordinal);

    /// <param name="force">Write even if unchanged (install, bot added).</param>
    public async Task RecordAsync(ConversationAddress address, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var key = address.Workspace.Value + "|" + address.ChannelId;
        if (!force && _saved.TryGetValue(key, out var last) && Same(last, address) && time.GetUtcNow() - last.UpdatedAt < RefreshAfter)
            return;

        await store.SaveAsync(address, cancellationToken);
        _saved[key] = address;
    }

    private static bool Same(ConversationAddress a, ConversationAddress b) => a with { UpdatedAt = b.UpdatedAt } == b;
}
