using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>A real database file in a fresh temp folder, deleted (with the folder) on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly List<LiteDbContext> _opened = [];

    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "accountbot-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "accountbot.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public FakeTimeProvider Time { get; } = new(MapBuilder.DefaultTime);

    public LiteDbContext Open(string? path = null, ILogger<LiteDbContext>? logger = null)
    {
        var context = new LiteDbContext(path ?? Path, logger ?? NullLogger<LiteDbContext>.Instance);
        _opened.Add(context);
        return context;
    }

    public LiteDbAccountMapStore MapStore(LiteDbContext context) =>
        new(context, Time, NullLogger<LiteDbAccountMapStore>.Instance);

    public static LiteDbChannelSettingsStore SettingsStore(LiteDbContext context) =>
        new(context, NullLogger<LiteDbChannelSettingsStore>.Instance);

    /// <summary>Saves a new (version 0) map with a "created" history entry; returns the stored map.</summary>
    public static async Task<AccountMap> SaveNewAsync(IAccountMapStore store, AccountMap map)
    {
        var history = new HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, $"created the map {map.Name}", [new("name", null, map.Name)]);
        var result = await store.SaveAsync(new MapWrite(map, history), CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Map!;
    }

    public void Dispose()
    {
        foreach (var context in _opened)
        {
            context.Dispose();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
