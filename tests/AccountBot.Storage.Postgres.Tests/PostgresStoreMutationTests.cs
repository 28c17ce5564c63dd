using AccountBot.Testing.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>
/// The <see cref="StoreMutationContract"/> on PostgreSQL, and the PostgreSQL map store's own constructor guards
/// (issue #18, round 5).
/// </summary>
public sealed class PostgresStoreMutationTests(PostgresDatabase database) : StoreMutationContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task MapStoreConstructor_NullArgument_RefusedNamingIt()
    {
        await using var dataSource = database.OpenDataSource();
        var logger = NullLogger<PostgresAccountMapStore>.Instance;

        Assert.Equal("dataSource", Assert.Throws<ArgumentNullException>(() => new PostgresAccountMapStore(null!, TimeProvider.System, logger)).ParamName);
        Assert.Equal("time", Assert.Throws<ArgumentNullException>(() => new PostgresAccountMapStore(dataSource, null!, logger)).ParamName);
        Assert.Equal("logger", Assert.Throws<ArgumentNullException>(() => new PostgresAccountMapStore(dataSource, TimeProvider.System, null!)).ParamName);
    }
}
