using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;

namespace AccountBot.Testing.Fakes;

/// <summary>
/// An <see cref="IDigestDeliveryCheck"/> that asks a <see cref="ScriptedDigestSender"/> what it accepted, as a
/// platform's history would; <see cref="Answer"/> overrides it (null: cannot tell), <see cref="Throw"/> makes it fail.
/// </summary>
public sealed class ScriptedDeliveryCheck(ScriptedDigestSender platform) : IDigestDeliveryCheck
{
    public Platform Platform => platform.Platform;

    /// <summary>When set, the answer whatever the platform has; otherwise true or false from the sender's deliveries.</summary>
    public Func<OutboxEntry, bool?>? Answer { get; set; }

    public bool Throw { get; set; }

    public int Calls { get; private set; }

    public Task<bool?> WasPostedAsync(OutboxEntry entry, ConversationAddress? address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Calls++;
        if (Throw)
        {
            throw new HttpRequestException("history unavailable");
        }

        return Task.FromResult(Answer is { } answer ? answer(entry) : platform.Delivered.Any(d => d.Key == entry.Key));
    }
}
