using AccountBot.Testing.Builders;
using AccountBot.Testing.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>
/// The PostgreSQL stores for the contract suite, on the test class's database (emptied before each test); reopening
/// opens a new connection pool, as another instance or a restarted one would.
/// </summary>
public sealed class PostgresStoreHarness(PostgresDatabase database) : IStoreHarness
{
    private NpgsqlDataSource? _dataSource;
    private bool _reset;

    public FakeTimeProvider Time { get; } = new(MapBuilder.DefaultTime);

    public async Task<StoreSet> OpenAsync()
    {
        if (!_reset)
        {
            await database.ResetAsync();
            _reset = true;
        }

        var dataSource = _dataSource = database.OpenDataSource();
        return new StoreSet(
            new PostgresAccountMapStore(dataSource, Time, NullLogger<PostgresAccountMapStore>.Instance),
            new PostgresChannelSettingsStore(dataSource),
            new PostgresConversationStore(dataSource),
            new PostgresBlockedConversationStore(dataSource),
            new PostgresDigestOutbox(dataSource),
            new PostgresWorkspaceInstallationStore(dataSource),
            new PostgresPendingImportStore(dataSource, Time),
            new PostgresSeenEventStore(dataSource, Time),
            new PostgresFollowUpOutbox(dataSource),
            new PostgresWorkspaceDataStore(dataSource, Time),
            new PostgresNotifySettingsStore(dataSource));
    }

    public async Task CloseAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
            _dataSource = null;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
