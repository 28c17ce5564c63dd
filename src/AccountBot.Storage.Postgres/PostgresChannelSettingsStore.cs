using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Settings;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// <see cref="IChannelSettingsStore"/> on PostgreSQL: one row per (workspace, channel). A save is one conditional
/// statement (insert when nothing is stored, else update where the version still matches), so no change is silently
/// overwritten by another instance.
/// </summary>
public sealed class PostgresChannelSettingsStore(NpgsqlDataSource dataSource) : IChannelSettingsStore
{
    public async Task<ChannelSettings?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var bodies = await Sql.ListAsync<string>(connection, "SELECT body::text FROM channel_settings WHERE workspace = @w AND channel_id = @c", null, cancellationToken,
            ("w", workspace.Value), ("c", channelId)).ConfigureAwait(false);
        return bodies.Count == 0 ? null : StoredJson.Read<ChannelSettings>(bodies[0]);
    }

    public async Task<ChannelSettings?> TrySaveAsync(ChannelSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(settings.ChannelId);
        var saved = StoredJson.Stored(settings with { Version = settings.Version + 1 });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var written = await WriteAsync(connection, null, saved, settings.Version, cancellationToken).ConfigureAwait(false);
        return written ? saved : null;
    }

    public async Task<IReadOnlyList<ChannelSettings>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var bodies = await Sql.ListAsync<string>(connection, "SELECT body::text FROM channel_settings WHERE workspace = @w ORDER BY channel_id", null, cancellationToken,
            ("w", workspace.Value)).ConfigureAwait(false);
        return [.. bodies.Select(StoredJson.Read<ChannelSettings>)];
    }

    public async Task SetLastFailureAsync(WorkspaceKey workspace, string channelId, DeliveryFailure? failure, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Read-modify-write on the locked row; when there is no row yet, a concurrent first write makes the insert
        // find one, and the loop reads it again.
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var bodies = await Sql.ListAsync<string>(connection, "SELECT body::text FROM channel_settings WHERE workspace = @w AND channel_id = @c FOR UPDATE", transaction, cancellationToken,
                ("w", workspace.Value), ("c", channelId)).ConfigureAwait(false);
            var current = bodies.Count == 0 ? new ChannelSettings { Workspace = workspace, ChannelId = channelId } : StoredJson.Read<ChannelSettings>(bodies[0]);
            var updated = current with { LastFailure = failure, Version = current.Version + 1 };
            if (await WriteAsync(connection, transaction, updated, current.Version, cancellationToken).ConfigureAwait(false))
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>Stores <paramref name="settings"/> if the stored version is still <paramref name="expected"/> (0: none stored).</summary>
    private static async Task<bool> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, ChannelSettings settings, int expected, CancellationToken cancellationToken)
    {
        (string, object?)[] row = [("w", settings.Workspace.Value), ("c", settings.ChannelId), ("v", settings.Version), ("old", expected), ("body", new Sql.Json(StoredJson.Write(settings)))];
        var rows = await Sql.ExecuteAsync(connection, expected == 0
            ? "INSERT INTO channel_settings (workspace, channel_id, version, body) VALUES (@w, @c, @v, @body) ON CONFLICT DO NOTHING"
            : "UPDATE channel_settings SET version = @v, body = @body WHERE workspace = @w AND channel_id = @c AND version = @old",
            transaction, cancellationToken, row).ConfigureAwait(false);
        return rows == 1;
    }
}
