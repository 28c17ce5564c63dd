using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>
/// Sampling generators into a fixed, replayable corpus: the seed is <see cref="DefaultSeed"/> unless the
/// environment variable <c>HOSTILE_SEED</c> names another (a failure message prints the seed in use).
/// </summary>
internal static class Corpus
{
    public const ulong DefaultSeed = 20260307;

    public static ulong Seed { get; } =
        ulong.TryParse(Environment.GetEnvironmentVariable("HOSTILE_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    /// <summary><paramref name="count"/> values of <paramref name="generator"/>; <paramref name="stream"/> keeps categories independent.</summary>
    public static IReadOnlyList<T> Sample<T>(Gen<T> generator, int count, string stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var salt = stream.Aggregate(1469598103934665603UL, (hash, c) => (hash ^ c) * 1099511628211UL);
        // Gamma must be odd (SplitMix); any fixed odd value keeps the stream replayable.
        var values = generator.Sample(count, new Rnd(Seed ^ salt, 0x9E3779B97F4A7C15UL), 30);
        return values.Length == count ? values : throw new InvalidOperationException($"Asked for {count} samples, got {values.Length}.");
    }

    /// <summary>Cases for one category: <paramref name="count"/> samples of <paramref name="generator"/> made into cases.</summary>
    public static IEnumerable<HostileCase> Cases<T>(string category, Gen<T> generator, int count, Func<T, HostileCase> toCase, string? stream = null) =>
        Sample(generator, count, category + "|" + stream).Select(toCase);
}
