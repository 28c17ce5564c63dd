namespace AccountBot.Core.Logging;

/// <summary>
/// Decides when a refused request is worth a log line: at most one line per <see cref="Interval"/> per reason,
/// carrying how many requests were refused for that reason since the previous line. A flood of bad requests thus
/// costs a line a second, not a line a request. One instance per process, shared by the Teams and Slack edges.
/// </summary>
public sealed class RejectionLog(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Reasons tracked at most; further ones share one bucket, so varying text cannot grow the table.</summary>
    public const int MaxReasons = 64;

    public const string OtherReasons = "other";

    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>
    /// Counts one rejection for <paramref name="reason"/>; true when a line is due now, with
    /// <paramref name="count"/> the rejections since the previous line (this one included).
    /// </summary>
    public bool ShouldLog(string reason, out int count)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_buckets.TryGetValue(reason, out var bucket))
            {
                if (_buckets.Count >= MaxReasons)
                    reason = OtherReasons;
                if (!_buckets.TryGetValue(reason, out bucket))
                {
                    bucket = new Bucket();
                    _buckets[reason] = bucket;
                }
            }

            bucket.Pending++;
            if (bucket.LastLine is { } last && now - last < Interval)
            {
                count = 0;
                return false;
            }

            count = bucket.Pending;
            bucket.Pending = 0;
            bucket.LastLine = now;
            return true;
        }
    }

    private sealed class Bucket
    {
        public int Pending { get; set; }

        public DateTimeOffset? LastLine { get; set; }
    }
}
