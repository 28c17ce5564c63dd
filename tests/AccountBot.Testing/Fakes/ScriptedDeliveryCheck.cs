using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;

namespace AccountBot.Testing.Fakes;

/// <summary>
/// An <see cref="IDigestDeliveryCheck"/> that asks a <see cref="ScriptedDigestSender"/> what it accepted, as a
/// platform's history would; <see cref="Answer"/> overrides it, <see cref="Throw"/> makes it fail.
/// </summary>
public sealed class ScriptedDeliveryCheck(ScriptedDigestSender platform) : IDigestDeliveryCheck
{
    private int calls;

    public Platform Platform => platform.Platform;

    /// <summary>When set, the answer whatever the platform has; otherwise posted or not from the sender's deliveries.</summary>
    public Func<OutboxEntry, DeliveryCheckResult>? Answer { get; set; }

    public bool Throw { get; set; }

    public int Calls => Volatile.Read(ref calls);

    public Task<DeliveryCheckResult> CheckAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Interlocked.Increment(ref calls);
        if (Throw)
        {
            throw new HttpRequestException("history unavailable");
        }

        if (Answer is { } answer)
        {
            return Task.FromResult(answer(entry));
        }

        return Task.FromResult(platform.Delivered.Any(d => d.Key == entry.Key) ? DeliveryCheckResult.Posted() : DeliveryCheckResult.NotPosted());
    }
}
