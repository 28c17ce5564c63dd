using AccountBot.Core.Accounts;
using AccountBot.Core.Caching;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Views;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Core.Tests.Features.Maps;

public sealed class SharedMapViewTests
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0SHARE");
    private readonly FakeTimeProvider _time = new(MapBuilder.DefaultTime.AddDays(10));
    private readonly MapViewFactory _factory;
    private readonly SharedMapViews _views;

    public SharedMapViewTests()
    {
        _factory = new MapViewFactory(new CoverageOptions(), _time);
        _views = new SharedMapViews(_factory, new RenderedOutputCache(_time));
    }

    [Fact]
    public void SameVersionWithinTheLifetime_IsTheSameView()
    {
        var map = MapBuilder.For(Workspace).Named("Acme").WithStakeholders(5).Build();

        _time.SetUtcNow(_time.GetUtcNow().AddSeconds(-_time.GetUtcNow().Second));
        var first = _views.For(map);
        _time.Advance(TimeSpan.FromSeconds(59));
        var second = _views.For(map);

        Assert.Same(first, second);
        Assert.Equal(ReplyVisibility.Channel, first.Visibility);
    }

    [Fact]
    public void NewVersion_IsANewViewAtOnce()
    {
        var map = MapBuilder.For(Workspace).Named("Acme").WithStakeholders(5).Build();
        var first = _views.For(map);

        // As the store hands it back after saving: the change under the next version.
        var changed = map.AddStakeholder(new Stakeholder { Id = Guid.NewGuid(), Name = "Jane Doe" }, new Stamp(_time.GetUtcNow(), MapBuilder.DefaultUser)).Map;
        var second = _views.For(changed with { Version = map.Version + 1 });

        Assert.NotSame(first, second);
        Assert.Contains(second.Groups.SelectMany(g => g.People), p => p.Name == "Jane Doe");
    }

    [Fact]
    public void AfterTheLifetime_TheViewIsRebuiltAsOfNow()
    {
        var map = MapBuilder.For(Workspace).Named("Acme").At(MapBuilder.DefaultTime).WithStakeholders(5).Build();
        var early = _views.For(map);

        _time.Advance(TimeSpan.FromDays(40));
        var late = _views.For(map);

        Assert.NotSame(early, late);
        Assert.Equal(_factory.Build(map).Gaps, late.Gaps);
        Assert.NotEqual(early.Gaps, late.Gaps);
    }
}
