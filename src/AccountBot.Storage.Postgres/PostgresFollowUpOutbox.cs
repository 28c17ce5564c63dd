using AccountBot.Core.Abstractions;
using AccountBot.Adapters.FollowUps;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// <see cref="IFollowUpOutbox"/> on PostgreSQL: one row per item in <c>follow_ups</c>, shared by every instance. A
/// claim picks expired rows with <c>FOR UPDATE SKIP LOCKED</c> and moves their lease in the same statement, so two
/// instances claiming at once get different rows; every other change is conditional on the owner, so an instance that
/// lost its claim (its lease ran out and another took the row) changes nothing.
/// </summary>
public sealed class PostgresFollowUpOutbox(NpgsqlDataSource dataSource) : IFollowUpOutbox
{
    private const string Columns = "id, owner, lease_until, created_at, next_step, steps::text";

    public async Task AddAsync(StoredFollowUp item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, """
            INSERT INTO follow_ups (id, owner, lease_until, created_at, next_step, steps) VALUES (@id, @owner, @lease, @created, @next, @steps)
            """, null, cancellationToken,
            ("id", item.Id), ("owner", item.Owner), ("lease", StoredJson.Truncate(item.LeaseUntil)), ("created", StoredJson.Truncate(item.CreatedAt)),
            ("next", item.Next), ("steps", new Sql.Json(StoredJson.Write(item.Steps)))).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredFollowUp>> ClaimExpiredAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var claimed = await ReadAsync(connection, $"""
            UPDATE follow_ups SET owner = @owner, lease_until = @lease
            WHERE id IN (SELECT id FROM follow_ups WHERE lease_until < @now ORDER BY created_at, id LIMIT @max FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """, cancellationToken,
            ("owner", owner), ("lease", StoredJson.Truncate(leaseUntil)), ("now", StoredJson.Truncate(now)), ("max", max)).ConfigureAwait(false);
        return [.. claimed.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)];
    }

    public Task<bool> RenewAsync(Guid id, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        ChangeAsync("UPDATE follow_ups SET lease_until = @value WHERE id = @id AND owner = @owner", id, owner, StoredJson.Truncate(leaseUntil), cancellationToken);

    public Task<bool> AdvanceAsync(Guid id, string owner, int next, CancellationToken cancellationToken) =>
        ChangeAsync("UPDATE follow_ups SET next_step = @value WHERE id = @id AND owner = @owner", id, owner, next, cancellationToken);

    public async Task<bool> CompleteAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ExecuteAsync(connection, "DELETE FROM follow_ups WHERE id = @id AND owner = @owner", null, cancellationToken,
            ("id", id), ("owner", owner)).ConfigureAwait(false) == 1;
    }

    public async Task<int> ReleaseAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ExecuteAsync(connection, "UPDATE follow_ups SET lease_until = @now WHERE owner = @owner", null, cancellationToken,
            ("owner", owner), ("now", StoredJson.Truncate(now))).ConfigureAwait(false);
    }

    public async Task<StoredFollowUp?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var items = await ReadAsync(connection, $"SELECT {Columns} FROM follow_ups WHERE id = @id", cancellationToken, ("id", id)).ConfigureAwait(false);
        return items.Count == 0 ? null : items[0];
    }

    private async Task<bool> ChangeAsync(string text, Guid id, string owner, object value, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ExecuteAsync(connection, text, null, cancellationToken, ("id", id), ("owner", owner), ("value", value)).ConfigureAwait(false) == 1;
    }

    private static async Task<List<StoredFollowUp>> ReadAsync(NpgsqlConnection connection, string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Sql.Command(connection, text, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<StoredFollowUp>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new StoredFollowUp
            {
                Id = reader.GetGuid(0),
                Owner = reader.GetString(1),
                LeaseUntil = reader.GetFieldValue<DateTimeOffset>(2),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(3),
                Next = reader.GetInt32(4),
                Steps = StoredJson.Read<FollowUpStep[]>(reader.GetString(5)),
            });
        }

        return items;
    }
}
