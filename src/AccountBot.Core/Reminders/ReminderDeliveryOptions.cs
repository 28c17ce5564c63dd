using System.ComponentModel.DataAnnotations;

namespace AccountBot.Core.Reminders;

/// <summary>
/// How digests are delivered, bound to the same <c>Reminders</c> section as <see cref="ReminderOptions"/>
/// (which says when and what): on/off, parallelism, retries and the scheduler's longest sleep.
/// </summary>
public sealed class ReminderDeliveryOptions : IValidatableObject
{
    public const string Section = ReminderOptions.Section;

    private static readonly TimeSpan MinimumRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>Whether the host runs the reminder scheduler at all (the CLI commands work either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Digests sent at the same time, over all channels; per-channel pacing is each sender's job.</summary>
    [Range(1, 32)]
    public int MaxParallelSends { get; set; } = 4;

    /// <summary>The first retry's delay; each further retry doubles it, up to <see cref="RetryMaxDelay"/>. A platform's Retry-After replaces it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest backoff between two attempts (a longer Retry-After from the platform is still honoured).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Failed attempts (5xx, timeouts, unknown outcomes) before a digest is recorded as failed. Throttled attempts (429)
    /// do not count: a rate-limit storm delays a digest, it does not drop it.
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long one send may take; the call is cancelled then. Its outcome is unknown, so the attempt stays in doubt
    /// and a later run resolves it (see <see cref="OutboxState.Sending"/>). Also the bound after which an attempt left
    /// <see cref="OutboxState.Sending"/> by a dead process is certainly not in flight any more.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest the scheduler sleeps between runs, so changed channel settings are picked up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The delay before retry number <paramref name="attempts"/> + 1: the platform's Retry-After when it gave one (it
    /// knows its limits; at least a second, so a zero cannot spin), else exponential from <see cref="RetryBaseDelay"/>, capped.
    /// </summary>
    public TimeSpan RetryDelay(int attempts, TimeSpan? retryAfter)
    {
        if (retryAfter is { } after)
        {
            return after < MinimumRetryAfter ? MinimumRetryAfter : after;
        }

        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var backoff = RetryBaseDelay.Ticks * Math.Pow(2, exponent);
        return backoff >= RetryMaxDelay.Ticks ? RetryMaxDelay : TimeSpan.FromTicks((long)backoff);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(RetryBaseDelay), RetryBaseDelay),
                     (nameof(RetryMaxDelay), RetryMaxDelay),
                     (nameof(SendTimeout), SendTimeout),
                     (nameof(PollInterval), PollInterval),
                 })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
            {
                yield return new ValidationResult($"{value} must be more than 0 and at most 1.00:00:00 (a TimeSpan such as 00:05:00).", [name]);
            }
        }

        if (RetryMaxDelay < RetryBaseDelay)
        {
            yield return new ValidationResult($"RetryMaxDelay {RetryMaxDelay} is shorter than RetryBaseDelay {RetryBaseDelay}.", [nameof(RetryMaxDelay)]);
        }
    }
}
