using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Nudges;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// <see cref="INotifySettingsStore"/> on PostgreSQL: one row per (workspace, user) in <c>notify_settings</c>; a save is
/// one upsert, so the last one wins.
/// </summary>
public sealed class PostgresNotifySettingsStore(NpgsqlDataSource dataSource) : INotifySettingsStore
{
    private const string Columns = "workspace, user_id, mode, time_zone, updated_at";

    public async Task<NotifySetting?> GetAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var found = await ReadAsync($"SELECT {Columns} FROM notify_settings WHERE workspace = @w AND user_id = @u", cancellationToken,
            ("w", workspace.Value), ("u", userId)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task SaveAsync(NotifySetting setting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentException.ThrowIfNullOrEmpty(setting.UserId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, $"""
            INSERT INTO notify_settings ({Columns}) VALUES (@w, @u, @m, @z, @at)
            ON CONFLICT (workspace, user_id) DO UPDATE SET mode = EXCLUDED.mode, time_zone = EXCLUDED.time_zone, updated_at = EXCLUDED.updated_at
            """, null, cancellationToken,
            ("w", setting.Workspace.Value), ("u", setting.UserId), ("m", setting.Mode.ToString()), ("z", setting.TimeZone),
            ("at", setting.UpdatedAt is { } at ? StoredJson.Truncate(at).ToUniversalTime() : null)).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<NotifySetting>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {Columns} FROM notify_settings WHERE workspace = @w ORDER BY user_id", cancellationToken, ("w", workspace.Value));

    private async Task<IReadOnlyList<NotifySetting>> ReadAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, sql, null, parameters);

        var settings = new List<NotifySetting>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            settings.Add(new NotifySetting(
                WorkspaceKey.Parse(reader.GetString(0)),
                reader.GetString(1),
                Enum.Parse<NotifyMode>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero)));
        }

        return settings;
    }
}
