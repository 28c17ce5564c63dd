using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>
/// When the map cache answers without asking the database: only for an entry read while the listener was connected,
/// with no change of that map announced while it was being read and no break of the connection since.
/// </summary>
public sealed class PostgresMapCacheTrustTests
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T01");

    private readonly PostgresMapCache _cache = new(100);
    private readonly AccountMap _map = MapBuilder.For(Workspace).Named("Acme").Build() with { Version = 1 };

    [Fact]
    public void Put_WhileListening_TrustedByIdAndByOwnName()
    {
        _cache.StartListening();

        _cache.Put(_map, _cache.BeginRead());

        Assert.True(_cache.TryGetTrusted(Workspace, _map.Id, out var byId));
        Assert.True(_cache.TryGetTrustedByName(Workspace, "acme", out var byName));
        Assert.Same(_map, byId);
        Assert.Same(_map, byName);
        Assert.False(_cache.TryGetTrustedByName(Workspace, "globex", out _));
        Assert.False(_cache.TryGetTrusted(WorkspaceKey.ForSlack(null, "T02"), _map.Id, out _));
    }

    [Fact]
    public void Put_NotListening_KeptButOnlyAtTheCheckedVersion()
    {
        _cache.Put(_map, _cache.BeginRead());

        Assert.False(_cache.TryGetTrusted(Workspace, _map.Id, out _));
        Assert.False(_cache.TryGetTrustedByName(Workspace, "acme", out _));
        Assert.True(_cache.TryGet(Workspace, _map.Id, 1, _cache.BeginRead(), out var kept));
        Assert.Same(_map, kept);
        Assert.False(_cache.TryGet(Workspace, _map.Id, 2, _cache.BeginRead(), out _));
    }

    [Fact]
    public void Put_ChangeAnnouncedWhileTheMapWasRead_NotTrusted()
    {
        _cache.StartListening();
        var token = _cache.BeginRead();

        _cache.Changed(Workspace.Value, _map.Id, 2);
        _cache.Put(_map, token);

        Assert.False(_cache.TryGetTrusted(Workspace, _map.Id, out _));

        // A later read that finds version 1 stored is one the announced change did not precede: it trusts the entry.
        Assert.True(_cache.TryGet(Workspace, _map.Id, 1, _cache.BeginRead(), out _));
        Assert.True(_cache.TryGetTrusted(Workspace, _map.Id, out _));
    }

    [Fact]
    public void Put_ConnectionBrokeAndCameBackWhileTheMapWasRead_NotTrusted()
    {
        _cache.StartListening();
        var token = _cache.BeginRead();

        _cache.StopListening();
        _cache.StartListening();
        _cache.Put(_map, token);

        Assert.False(_cache.TryGetTrusted(Workspace, _map.Id, out _));
    }

    [Fact]
    public void TryGetTrusted_AfterTheConnectionBroke_NotEvenOnceItIsBack()
    {
        _cache.StartListening();
        _cache.Put(_map, _cache.BeginRead());

        _cache.StopListening();
        Assert.False(_cache.IsListening);
        Assert.False(_cache.TryGetTrusted(Workspace, _map.Id, out _));
        _cache.StartListening();

        Assert.True(_cache.IsListening);
        Assert.False(_cache.TryGetTrusted(Workspace, _map.Id, out _));
    }

    [Fact]
    public void Changed_ToAnotherVersionOrDeleted_DropsTheEntry_SameVersionKeepsIt()
    {
        var other = MapBuilder.For(Workspace).Named("Globex").Build() with { Version = 4 };
        _cache.StartListening();
        _cache.Put(_map, _cache.BeginRead());
        _cache.Put(other, _cache.BeginRead());

        _cache.Changed(Workspace.Value, _map.Id, 1);
        Assert.True(_cache.TryGetTrusted(Workspace, _map.Id, out _));
        _cache.Changed(Workspace.Value, _map.Id, 2);
        _cache.Changed(Workspace.Value, other.Id, 0);

        Assert.False(_cache.TryGetTrusted(Workspace, _map.Id, out _));
        Assert.False(_cache.TryGet(Workspace, _map.Id, 1, _cache.BeginRead(), out _));
        Assert.False(_cache.TryGetTrustedByName(Workspace, "globex", out _));
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public void ChangedAll_ForgetsEverything()
    {
        _cache.StartListening();
        _cache.Put(_map, _cache.BeginRead());
        var token = _cache.BeginRead();

        _cache.ChangedAll();
        _cache.Put(_map, token);

        Assert.False(_cache.TryGetTrusted(Workspace, _map.Id, out _));
    }

    [Fact]
    public void TryGetTrustedByName_MapRenamed_OldNameNoLongerFindsIt()
    {
        _cache.StartListening();
        _cache.Put(_map, _cache.BeginRead());

        _cache.Put(_map with { Name = "Acme Renamed", Version = 2 }, _cache.BeginRead());

        Assert.False(_cache.TryGetTrustedByName(Workspace, "acme", out _));
        Assert.True(_cache.TryGetTrustedByName(Workspace, "acme renamed", out var renamed));
        Assert.Equal(2, renamed.Version);
    }

    [Theory]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e 7 slack:T01", "slack:T01", 7)]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e 0 teams:tenant with space", "teams:tenant with space", 0)]
    public void Parse_TriggerPayload_WorkspaceIdAndVersion(string payload, string workspace, int version)
    {
        var change = PostgresMapChange.Parse(payload);

        Assert.Equal(new PostgresMapChange(workspace, Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), version), change);
        Assert.Equal(version == 0, change!.IsDeleted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e 7")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e -1 slack:T01")]
    [InlineData("not-a-guid 7 slack:T01")]
    public void Parse_SomethingElse_Null(string payload) => Assert.Null(PostgresMapChange.Parse(payload));

    [Fact]
    public void Parse_Star_All() => Assert.Same(PostgresMapChange.All, PostgresMapChange.Parse("*"));
}
