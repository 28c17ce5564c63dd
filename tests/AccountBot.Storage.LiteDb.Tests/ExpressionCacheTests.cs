using System.Collections;
using System.Reflection;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;
using LiteDB;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>
/// LiteDB keeps a compiled delegate per distinct expression text for the life of the process. A
/// filter that carries its value in the text (Query.EQ and friends) adds one for every name, id and
/// idempotency key looked up: the host's memory grew by ~120 MB a minute under load. The store's
/// lookups must reuse a handful of expression texts, whatever the values.
/// </summary>
[Collection(nameof(ExpressionCacheTests))] // reads process-wide LiteDB state: nothing else may run beside it
public sealed class ExpressionCacheTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0CACHE");
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Lookups_WithDistinctValues_DoNotGrowLiteDbsExpressionCache()
    {
        using var context = _db.Open();
        var store = _db.MapStore(context);
        var map = await TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        var blocked = new LiteDbBlockedConversationStore(context);
        async Task LookUpAsync(int i)
        {
            await blocked.SaveAsync(new BlockedConversation { Platform = Platform.Teams, ConversationKey = $"a:chat-{i}", BlockedAt = MapBuilder.DefaultTime }, CancellationToken.None);
            await blocked.ListAsync(Platform.Teams, CancellationToken.None);
            await blocked.DeleteAsync(Platform.Teams, $"a:chat-{i}", CancellationToken.None);
            await store.FindByNameAsync(Workspace, $"Account {i}", CancellationToken.None);
            await store.GetAsync(Workspace, Guid.NewGuid(), CancellationToken.None);
            await store.IsAppliedAsync(Workspace, $"submission-{i}", CancellationToken.None);
            await store.ListLinkedToChannelAsync(Workspace, $"C{i}", CancellationToken.None);
            await store.GetHistoryAsync(Workspace, map.Id, 5, CancellationToken.None);
        }

        for (var i = 0; i < 10; i++)
            await LookUpAsync(i);
        var before = CachedExpressions();

        for (var i = 10; i < 510; i++)
            await LookUpAsync(i);

        Assert.InRange(CachedExpressions() - before, 0, 5);
    }

    [Fact]
    public void Filters_KeepTheValueOutOfTheExpressionText()
    {
        var filter = Filter.Eq("_id", "slack:T0CACHE|secret-value");

        Assert.DoesNotContain("secret-value", filter.Source, StringComparison.Ordinal);
        Assert.Equal("slack:T0CACHE|secret-value", filter.Parameters["0"].AsString);
    }

    /// <summary>Entries in LiteDB's static caches of compiled expressions (found by type, so a LiteDB upgrade that renames them fails here, loudly).</summary>
    private static int CachedExpressions()
    {
        var caches = typeof(BsonExpression).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            .Where(f => f.FieldType.IsGenericType
                && f.FieldType.Name.StartsWith("ConcurrentDictionary", StringComparison.Ordinal)
                && f.FieldType.GetGenericArguments()[0] == typeof(string)
                && f.FieldType.GetGenericArguments()[1].Name.StartsWith("BsonExpression", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(caches);
        return caches.Sum(f => ((ICollection)f.GetValue(null)!).Count);
    }
}

/// <summary>Runs <see cref="ExpressionCacheTests"/> alone: other tests' queries would add to the cache it counts.</summary>
[CollectionDefinition(nameof(ExpressionCacheTests), DisableParallelization = true)]
public sealed class ExpressionCacheCollection;
