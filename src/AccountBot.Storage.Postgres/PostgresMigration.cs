using System.Globalization;

namespace AccountBot.Storage.Postgres;

/// <summary>One versioned schema change: an embedded <c>Migrations/NNNN_name.sql</c>, applied once, in version order.</summary>
public sealed record PostgresMigration(int Version, string Name, string Sql)
{
    private const string Prefix = "Migrations.";

    /// <summary>Every migration shipped in this assembly, in version order.</summary>
    public static IReadOnlyList<PostgresMigration> All { get; } = Load();

    private static PostgresMigration[] Load()
    {
        var assembly = typeof(PostgresMigration).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[Prefix.Length..^".sql".Length];
                var separator = file.IndexOf('_', StringComparison.Ordinal);
                var version = int.Parse(file[..separator], NumberStyles.None, CultureInfo.InvariantCulture);
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new PostgresMigration(version, file[(separator + 1)..], reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)];
    }
}
