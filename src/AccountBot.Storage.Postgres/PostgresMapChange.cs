using System.Globalization;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// One committed change of a map as <c>account_maps</c>' trigger announces it (migration 0008) on
/// <see cref="Channel"/>: the payload <c>'&lt;id&gt; &lt;version&gt; &lt;workspace&gt;'</c>, version 0 when the map
/// was deleted; <c>'*'</c> (<see cref="All"/>) when the table was emptied.
/// </summary>
public sealed record PostgresMapChange(string Workspace, Guid MapId, int Version)
{
    /// <summary>The notification channel the trigger sends on and each instance's listener listens to.</summary>
    public const string Channel = "accountbot_map_changes";

    /// <summary>Every map may have changed (TRUNCATE).</summary>
    public static PostgresMapChange All { get; } = new(string.Empty, Guid.Empty, 0);

    public bool IsDeleted => Version == 0;

    /// <summary>The change a payload names; null when it is not one the trigger sends.</summary>
    public static PostgresMapChange? Parse(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload == "*")
        {
            return All;
        }

        var parts = payload.Split(' ', 3);
        return parts.Length == 3 && parts[2].Length > 0
            && Guid.TryParse(parts[0], CultureInfo.InvariantCulture, out var id)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new PostgresMapChange(parts[2], id, version)
            : null;
    }
}
