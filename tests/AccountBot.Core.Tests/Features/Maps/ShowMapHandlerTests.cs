using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Caching;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Core.Tests.Features.Maps;

/// <summary><c>map Acme</c>'s card is built once per map version and minute, and kept in the rendered-output cache.</summary>
public sealed class ShowMapHandlerTests
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0SHARE");
    private readonly FakeTimeProvider _time = new(MapBuilder.DefaultTime.AddDays(10));
    private readonly InMemoryAccountMapStore _store = new();
    private readonly MapViewFactory _factory;
    private readonly ShowMapHandler _handler;
    private readonly RequestContext _context = new(Workspace, new UserRef("U1", "Ana Rep"), new ChannelRef("C1", "deals"));

    public ShowMapHandlerTests()
    {
        _factory = new MapViewFactory(new CoverageOptions(), _time);
        _handler = new ShowMapHandler(_store, _factory, new RenderedOutputCache(_time));
    }

    private Stamp Now => new(_time.GetUtcNow(), MapBuilder.DefaultUser);

    private async Task<AccountMap> SaveAsync(MapWrite write)
    {
        var saved = await _store.SaveAsync(write, CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        return saved.Map!;
    }

    private async Task<AccountMap> SaveAcmeAsync(AccountMap map) => await SaveAsync(MapWrite.Of(map with { Version = 0 }, Now, "created", []));

    private async Task<MapView> ShowAsync() =>
        Assert.IsType<MapView>(await _handler.HandleAsync(new ShowMap("Acme"), _context, CancellationToken.None));

    [Fact]
    public async Task SameVersionWithinTheMinute_IsTheSameView()
    {
        await SaveAcmeAsync(MapBuilder.For(Workspace).Named("Acme").WithStakeholders(5).Build());

        _time.SetUtcNow(_time.GetUtcNow().AddSeconds(-_time.GetUtcNow().Second));
        var first = await ShowAsync();
        _time.Advance(TimeSpan.FromSeconds(59));
        var second = await ShowAsync();

        Assert.Same(first, second);
        Assert.Equal(ReplyVisibility.Channel, first.Visibility);
        Assert.NotNull(first.CacheKey);
    }

    [Fact]
    public async Task NewVersion_IsANewViewAtOnce()
    {
        var map = await SaveAcmeAsync(MapBuilder.For(Workspace).Named("Acme").WithStakeholders(5).Build());
        var first = await ShowAsync();

        await SaveAsync(map.AddStakeholder(new Stakeholder { Id = Guid.NewGuid(), Name = "Jane Doe" }, Now));
        var second = await ShowAsync();

        Assert.NotSame(first, second);
        Assert.Contains(second.Groups.SelectMany(g => g.People), p => p.Name == "Jane Doe");
    }

    [Fact]
    public async Task AfterTheMinute_TheViewIsRebuiltAsOfNow()
    {
        var map = await SaveAcmeAsync(MapBuilder.For(Workspace).Named("Acme").At(MapBuilder.DefaultTime).WithStakeholders(5).Build());
        var early = await ShowAsync();

        _time.Advance(TimeSpan.FromDays(40));
        var late = await ShowAsync();

        Assert.NotSame(early, late);
        Assert.Equal(_factory.Build(map).Gaps, late.Gaps);
        Assert.NotEqual(early.Gaps, late.Gaps);
    }

    [Fact]
    public async Task MissingMap_OffersToCreateIt_AndCachesNothing()
    {
        var reply = await _handler.HandleAsync(new ShowMap("Acme"), _context, CancellationToken.None);

        Assert.Equal("map Acme create", Assert.IsType<MapNotFoundView>(reply).CreateCommand);
        Assert.Null(reply.CacheKey);
    }
}
