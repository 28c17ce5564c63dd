using AccountBot.Core.Accounts;
using AccountBot.Core.Workspaces;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// <see cref="IWorkspaceDataStore"/> on PostgreSQL: every table keyed by workspace, and the installation keyed by the
/// workspace key. A scheduled deletion first deletes its <c>workspace_removals</c> row in the transaction that deletes
/// the data: a second instance doing the same waits on that row's lock and then finds nothing to delete, so the
/// deletion runs once. As with an erase, deleted rows stay in the table files until VACUUM (README, Privacy).
/// Not deleted because they name no workspace: blocked conversation ids, handled event ids (kept two hours) and
/// follow-ups waiting to be sent (sent or given up within minutes).
/// </summary>
public sealed class PostgresWorkspaceDataStore(NpgsqlDataSource dataSource, TimeProvider time) : IWorkspaceDataStore
{
    // Table names are constants, never input: the workspace always travels as a parameter.
    private const string Maps = "account_maps";
    private const string History = "map_history";
    private const string Settings = "channel_settings";
    private const string Conversations = "conversations";
    private const string Digests = "digest_outbox";
    private const string Keys = "applied_keys";
    private const string Imports = "pending_imports";
    private const string Installations = "workspace_installations";
    private const string Notify = "notify_settings";

    private static readonly string[] Tables = [Maps, History, Settings, Conversations, Digests, Keys, Imports, Notify];

    public async Task<WorkspaceRemoval> ScheduleRemovalAsync(WorkspaceRemoval removal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removal);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, """
            INSERT INTO workspace_removals (workspace, scheduled_at, delete_after, reason) VALUES (@w, @at, @after, @reason)
            ON CONFLICT (workspace) DO NOTHING
            """, null, cancellationToken,
            ("w", removal.Workspace.Value), ("at", removal.ScheduledAt), ("after", removal.DeleteAfter), ("reason", removal.Reason)).ConfigureAwait(false);
        var stored = await ReadRemovalsAsync(connection, "WHERE workspace = @w", cancellationToken, ("w", removal.Workspace.Value)).ConfigureAwait(false);
        return stored.Count == 1 ? stored[0] : removal;
    }

    public async Task<bool> CancelRemovalAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ExecuteAsync(connection, "DELETE FROM workspace_removals WHERE workspace = @w", null, cancellationToken, ("w", workspace.Value)).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<WorkspaceRemoval>> ListRemovalsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadRemovalsAsync(connection, string.Empty, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> ForgetConversationAsync(WorkspaceKey workspace, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, "DELETE FROM conversations WHERE workspace = @w AND (channel_id = @id OR body->>'ConversationId' = @id)", null, cancellationToken,
            ("w", workspace.Value), ("id", conversationId)).ConfigureAwait(false);
        // A person's address (a Teams nudge's) is not a conversation the app is in: it does not keep the workspace installed.
        return (int)(await Sql.ListAsync<long>(connection, "SELECT count(*) FROM conversations WHERE workspace = @w AND coalesce(body->>'ConversationType', '') <> @user", null, cancellationToken,
            ("w", workspace.Value), ("user", Adapters.Conversations.ConversationAddress.UserType)).ConfigureAwait(false))[0];
    }

    public async Task<WorkspaceDataCounts> CountAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            counts[table] = (int)(await Sql.ListAsync<long>(connection, $"SELECT count(*) FROM {table} WHERE workspace = @w", null, cancellationToken, ("w", workspace.Value)).ConfigureAwait(false))[0];
        }

        counts[Installations] = (int)(await Sql.ListAsync<long>(connection, $"SELECT count(*) FROM {Installations} WHERE key = @w", null, cancellationToken, ("w", workspace.Value)).ConfigureAwait(false))[0];
        return ToCounts(counts);
    }

    public async Task<WorkspaceDataCounts?> DeleteIfDueAsync(WorkspaceKey workspace, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var claimed = await Sql.ExecuteAsync(connection, "DELETE FROM workspace_removals WHERE workspace = @w AND delete_after <= @now", transaction, cancellationToken,
            ("w", workspace.Value), ("now", now)).ConfigureAwait(false);
        if (claimed == 0)
        {
            return null;
        }

        var counts = await DeleteDataAsync(connection, transaction, workspace, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return counts;
    }

    public async Task<WorkspaceDataCounts> DeleteAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, "DELETE FROM workspace_removals WHERE workspace = @w", transaction, cancellationToken, ("w", workspace.Value)).ConfigureAwait(false);
        var counts = await DeleteDataAsync(connection, transaction, workspace, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return counts;
    }

    public async Task<WorkspaceExport> ExportAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // One snapshot for every table, so the export is consistent.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var tables = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            tables[table] = await Sql.ListAsync<string>(connection, $"SELECT to_jsonb(t)::text FROM {table} t WHERE workspace = @w", transaction, cancellationToken, ("w", workspace.Value)).ConfigureAwait(false);
        }

        tables[Installations] = await Sql.ListAsync<string>(connection, $"SELECT (to_jsonb(t) #- '{{body,BotToken}}')::text FROM {Installations} t WHERE key = @w", transaction, cancellationToken,
            ("w", workspace.Value)).ConfigureAwait(false);
        tables["workspace_removals"] = await Sql.ListAsync<string>(connection, "SELECT to_jsonb(t)::text FROM workspace_removals t WHERE workspace = @w", transaction, cancellationToken,
            ("w", workspace.Value)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new WorkspaceExport(workspace, time.GetUtcNow(), tables);
    }

    public async Task<IReadOnlyList<WorkspaceKey>> ListWorkspacesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var keys = await Sql.ListAsync<string>(connection, """
            SELECT workspace FROM account_maps UNION SELECT workspace FROM channel_settings UNION SELECT workspace FROM conversations
            UNION SELECT key FROM workspace_installations WHERE right(key, 1) <> '*' UNION SELECT workspace FROM workspace_removals
            ORDER BY 1
            """, null, cancellationToken).ConfigureAwait(false);
        return [.. keys.Select(WorkspaceKey.Parse)];
    }

    private static async Task<WorkspaceDataCounts> DeleteDataAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            counts[table] = await Sql.ExecuteAsync(connection, $"DELETE FROM {table} WHERE workspace = @w", transaction, cancellationToken, ("w", workspace.Value)).ConfigureAwait(false);
        }

        counts[Installations] = await Sql.ExecuteAsync(connection, $"DELETE FROM {Installations} WHERE key = @w", transaction, cancellationToken, ("w", workspace.Value)).ConfigureAwait(false);
        return ToCounts(counts);
    }

    private static WorkspaceDataCounts ToCounts(Dictionary<string, int> counts) => new()
    {
        Maps = counts[Maps],
        HistoryEntries = counts[History],
        ChannelSettings = counts[Settings],
        Conversations = counts[Conversations],
        Digests = counts[Digests],
        IdempotencyKeys = counts[Keys],
        PendingImports = counts[Imports],
        Installations = counts[Installations],
        NotifySettings = counts[Notify],
    };

    private static async Task<IReadOnlyList<WorkspaceRemoval>> ReadRemovalsAsync(NpgsqlConnection connection, string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Sql.Command(connection, $"SELECT workspace, scheduled_at, delete_after, reason FROM workspace_removals {where} ORDER BY delete_after", null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var removals = new List<WorkspaceRemoval>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            removals.Add(new WorkspaceRemoval(
                WorkspaceKey.Parse(reader.GetString(0)),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3)));
        }

        return removals;
    }
}
