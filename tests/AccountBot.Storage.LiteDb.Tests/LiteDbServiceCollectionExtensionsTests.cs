using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AccountBot.Storage.LiteDb.Tests;

public sealed class LiteDbServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task AddLiteDbStorage_RelativePath_OpensUnderContentRootOnStartAndClosesOnStop()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Storage:LiteDb:Path"] = "state/bot.db" });

        await host.StartAsync();
        var context = host.Services.GetRequiredService<LiteDbContext>();
        var expected = Path.Combine(_db.Folder, "state", "bot.db");

        Assert.Equal(expected, context.Path);
        Assert.True(File.Exists(expected));
        Assert.True(context.Ping());
        Assert.IsType<LiteDbAccountMapStore>(host.Services.GetRequiredService<IAccountMapStore>());
        Assert.IsType<LiteDbChannelSettingsStore>(host.Services.GetRequiredService<IChannelSettingsStore>());
        Assert.IsType<LiteDbBlockedConversationStore>(host.Services.GetRequiredService<IBlockedConversationStore>());

        await host.StopAsync();
        host.Dispose();
        Assert.False(context.Ping());
        using var reopened = _db.Open(expected);
        Assert.True(reopened.Ping());
    }

    [Fact]
    public void AddLiteDbStorage_NoSection_DefaultsToDataFolder()
    {
        using var host = BuildHost([]);

        Assert.Equal(LiteDbOptions.DefaultPath, host.Services.GetRequiredService<IOptions<LiteDbOptions>>().Value.Path);
    }

    [Fact]
    public async Task AddLiteDbStorage_EmptyPath_StartFailsNamingTheKey()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Storage:LiteDb:Path"] = " " });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:LiteDb:Path is empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLiteDbStorage_UnwritablePath_StartFailsWithStartupException()
    {
        File.WriteAllText(Path.Combine(_db.Folder, "plain-file"), "x");
        using var host = BuildHost(new Dictionary<string, string?> { ["Storage:LiteDb:Path"] = "plain-file/bot.db" });

        var ex = await Assert.ThrowsAsync<LiteDbStartupException>(() => host.StartAsync());

        Assert.Equal(LiteDbStartupFailure.Unwritable, ex.Failure);
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _db.Folder });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddLiteDbStorage(builder.Configuration);
        return builder.Build();
    }
}
