using System.Text.Json;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Cards;

/// <summary>
/// The size rule for outbound messages. Teams rejects bot messages over ~100 KB with 413
/// MessageSizeTooBig; we stay under 80 KB (28 KB is the incoming-webhook limit, not ours).
/// </summary>
public static class MessageSize
{
    public const int MaxBytes = 80 * 1024;

    /// <summary>The UTF-8 size of the activity as it would be sent; renderers use it to trim.</summary>
    public static int GetByteCount(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return JsonSerializer.SerializeToUtf8Bytes(activity, TeamsJsonContext.Default.Activity).Length;
    }

    public static bool IsWithinLimit(Activity activity) => GetByteCount(activity) < MaxBytes;

    /// <exception cref="MessageTooLargeException">The activity is 80 KB or more.</exception>
    public static void EnsureWithinLimit(Activity activity) => EnsureWithinLimit(GetByteCount(activity));

    /// <summary>The same rule for an activity already serialised to <paramref name="byteCount"/> bytes.</summary>
    /// <exception cref="MessageTooLargeException">It is 80 KB or more.</exception>
    public static void EnsureWithinLimit(int byteCount)
    {
        if (byteCount >= MaxBytes)
            throw new MessageTooLargeException(byteCount, MaxBytes);
    }
}
