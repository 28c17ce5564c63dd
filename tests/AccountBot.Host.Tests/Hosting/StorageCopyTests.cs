using AccountBot.Adapters.Conversations;
using AccountBot.Adapters.Installations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using AccountBot.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Storage.LiteDb;
using AccountBot.Storage.Postgres;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Postgres;
using AccountBot.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AccountBot.Host.Tests.Hosting;

/// <summary><c>storage copy --from LiteDb:… --to Postgres:…</c> from a real file into the test cluster.</summary>
public sealed class StorageCopyTests : IAsyncLifetime, IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T01");
    private static readonly DateTimeOffset Now = MapBuilder.DefaultTime;

    private readonly TestHost files = new("storage-copy");
    private string _connectionString = string.Empty;

    public async Task InitializeAsync() => _connectionString = await PostgresCluster.Shared.CreateDatabaseAsync("copy");

    public Task DisposeAsync() => PostgresCluster.Shared.DropDatabaseAsync(_connectionString);

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Copy_EveryCollectionTwice_ReadsBackThroughThePostgresStoresAndCountsMatch()
    {
        Directory.CreateDirectory(files.Folder);
        var map = await SeedAsync();
        string[] args = ["storage", "copy", "--from", "LiteDb:" + files.DatabasePath, "--to", "Postgres:" + _connectionString];

        var (first, firstOutput) = await RunAsync(args);
        var (second, secondOutput) = await RunAsync(args);

        Assert.Equal((0, 0), (first, second));
        Assert.Contains("account_maps: 1 in the file, 1 in the database", secondOutput, StringComparison.Ordinal);
        Assert.Contains("map_history: 2 in the file, 2 in the database", secondOutput, StringComparison.Ordinal);
        Assert.Equal(firstOutput, secondOutput);
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        var maps = new PostgresAccountMapStore(dataSource, TimeProvider.System, NullLogger<PostgresAccountMapStore>.Instance);
        Same.Equal(map, await maps.GetAsync(Workspace, map.Id, CancellationToken.None));
        Assert.Equal([2, 1], (await maps.GetHistoryAsync(Workspace, map.Id, 10, CancellationToken.None)).Select(h => h.Version));
        Assert.True(await maps.IsAppliedAsync(Workspace, "form-1", CancellationToken.None));
        Assert.Equal(1, (await new PostgresChannelSettingsStore(dataSource).GetAsync(Workspace, "C01", CancellationToken.None))!.Version);
        Assert.Equal("C01", (await new PostgresConversationStore(dataSource).GetAsync(Workspace, "C01", CancellationToken.None))!.ConversationId);
        Assert.Single(await new PostgresBlockedConversationStore(dataSource).ListAsync(Platform.Teams, CancellationToken.None));
        Assert.Equal("ciphertext", (await new PostgresWorkspaceInstallationStore(dataSource).GetAsync("slack:T01", CancellationToken.None))!.BotToken);
        Assert.Equal(OutboxState.Sent, (await new PostgresDigestOutbox(dataSource).GetAsync(new DigestKey(Workspace, "C01", "2025-W10"), CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Copy_SlackTokenEncryptedOnLiteDb_DecryptedByTheBotOnPostgres()
    {
        (string, string?)[] slack = [("Slack:SigningSecret", "copy-signing-secret"), ("Slack:ClientId", "1234.5678"), ("Slack:ClientSecret", "client-secret"), ("Slack:RedirectUri", "https://bot.example/slack/oauth/callback")];
        await using (var onLiteDb = files.Create(slack))
        {
            await onLiteDb.Services.GetRequiredService<ISlackInstallationStore>().SaveAsync(new SlackInstallation { TeamId = "T0COPY", BotToken = "xoxb-copied" }, CancellationToken.None);
        }

        var (code, output) = await RunAsync(["storage", "copy", "--from", "LiteDb:" + files.DatabasePath, "--to", "Postgres:" + _connectionString]);
        await using var onPostgres = files.Create([.. slack, ("Storage:Provider", "Postgres"), ("Storage:Postgres:ConnectionString", _connectionString)]);
        var found = await onPostgres.Services.GetRequiredService<ISlackInstallationStore>().FindAsync(new SlackTeamKey(null, "T0COPY"), CancellationToken.None);

        Assert.True(code == 0, output);
        Assert.Contains("data_protection_keys: 1 in ", output, StringComparison.Ordinal);
        Assert.Equal("xoxb-copied", found?.BotToken);
    }

    [Fact]
    public async Task Copy_IntoADatabaseHoldingMore_ReportsTheDifferenceWithExitCodeOne()
    {
        Directory.CreateDirectory(files.Folder);
        await SeedAsync();
        await using (var dataSource = NpgsqlDataSource.Create(_connectionString))
        {
            await new PostgresMigrator(dataSource, TimeProvider.System, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
            await new PostgresBlockedConversationStore(dataSource).SaveAsync(new BlockedConversation { Platform = Platform.Slack, ConversationKey = "C99", BlockedAt = Now }, CancellationToken.None);
        }

        var (code, output) = await RunAsync(["storage", "copy", "--from", "LiteDb:" + files.DatabasePath, "--to", "Postgres:" + _connectionString]);

        Assert.Equal(1, code);
        Assert.Contains("blocked_conversations: 1 in the file, 2 in the database  <- differs", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("storage", "copy")]
    [InlineData("storage", "copy", "--from", "Postgres:x", "--to", "LiteDb:y")]
    public async Task Copy_BadArguments_ExitCodeTwo(params string[] args)
    {
        Assert.Equal(2, (await RunAsync(args)).Code);
    }

    private static async Task<(int Code, string Output)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await StorageCopyCli.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString() + error);
    }

    /// <summary>One record in every collection of the file; returns the map (at version 2).</summary>
    private async Task<AccountMap> SeedAsync()
    {
        using var context = new LiteDbContext(files.DatabasePath, NullLogger<LiteDbContext>.Instance);
        var maps = new LiteDbAccountMapStore(context, TimeProvider.System, NullLogger<LiteDbAccountMapStore>.Instance);
        var created = MapBuilder.For(Workspace).Named("Acme").WithAliases("Roadrunner").LinkedTo("C01").WithStakeholders(3).Build();
        var v1 = (await maps.SaveAsync(new MapWrite(created, new HistoryEntry(created.Id, 1, Now, MapBuilder.DefaultUser, "created", [])), CancellationToken.None)).Map!;
        var change = v1.AddStakeholder(StakeholderBuilder.Named("Jane Doe").Build(), new Stamp(Now, MapBuilder.DefaultUser));
        var v2 = (await maps.SaveAsync(change with { IdempotencyKey = "form-1" }, CancellationToken.None)).Map!;
        await new LiteDbChannelSettingsStore(context, NullLogger<LiteDbChannelSettingsStore>.Instance).TrySaveAsync(new ChannelSettings { Workspace = Workspace, ChannelId = "C01", TimeZone = "Europe/Paris" }, CancellationToken.None);
        await new LiteDbConversationStore(context).SaveAsync(new ConversationAddress { Workspace = Workspace, ChannelId = "C01", ConversationId = "C01", UpdatedAt = Now }, CancellationToken.None);
        await new LiteDbBlockedConversationStore(context).SaveAsync(new BlockedConversation { Platform = Platform.Teams, ConversationKey = "19:x@thread.tacv2", BlockedAt = Now }, CancellationToken.None);
        await new LiteDbWorkspaceInstallationStore(context).SaveAsync(new WorkspaceInstallation { Key = "slack:T01", TeamId = "T01", BotToken = "ciphertext", InstalledAt = Now }, CancellationToken.None);
        await new LiteDbDigestOutbox(context).TryAddAsync(new OutboxEntry { Key = new DigestKey(Workspace, "C01", "2025-W10"), State = OutboxState.Sent, CreatedAt = Now, UpdatedAt = Now }, CancellationToken.None);
        return v2;
    }
}
