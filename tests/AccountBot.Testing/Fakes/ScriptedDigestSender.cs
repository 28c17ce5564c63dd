using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;

namespace AccountBot.Testing.Fakes;

/// <summary>
/// An <see cref="IDigestSender"/> that answers from a per-channel script and records what the "platform" accepted.
/// A scripted <c>null</c> hangs until the call is cancelled (a send that never answers); an unscripted call delivers.
/// </summary>
public sealed class ScriptedDigestSender(Platform platform) : IDigestSender
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Queue<DeliveryResult?>> scripts = new(StringComparer.Ordinal);
    private readonly List<PlannedDigest> delivered = [];
    private readonly List<PlannedDigest> calls = [];
    private readonly TaskCompletionSource hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Platform Platform { get; } = platform;

    /// <summary>Digests the platform accepted, in order.</summary>
    public IReadOnlyList<PlannedDigest> Delivered
    {
        get
        {
            lock (gate)
            {
                return [.. delivered];
            }
        }
    }

    /// <summary>Every call, whatever it answered.</summary>
    public IReadOnlyList<PlannedDigest> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>Completes when a call first starts hanging.</summary>
    public Task Hanging => hanging.Task;

    /// <summary>The next answers for a channel, in order; null hangs until cancelled.</summary>
    public ScriptedDigestSender Script(string channelId, params DeliveryResult?[] answers)
    {
        lock (gate)
        {
            if (!scripts.TryGetValue(channelId, out var queue))
            {
                queue = new Queue<DeliveryResult?>();
                scripts.Add(channelId, queue);
            }

            foreach (var answer in answers)
            {
                queue.Enqueue(answer);
            }
        }

        return this;
    }

    public async Task<DeliveryResult> SendAsync(PlannedDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        DeliveryResult? answer;
        lock (gate)
        {
            calls.Add(digest);
            answer = scripts.TryGetValue(digest.ChannelId, out var queue) && queue.Count > 0
                ? queue.Dequeue()
                : DeliveryResult.Delivered($"msg-{calls.Count}");
        }

        if (answer is null)
        {
            hanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException(cancellationToken);
        }

        if (answer.Status == DeliveryStatus.Delivered)
        {
            lock (gate)
            {
                delivered.Add(digest);
            }
        }

        return answer;
    }
}
