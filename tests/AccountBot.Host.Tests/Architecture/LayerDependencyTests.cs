using System.Reflection;

namespace AccountBot.Host.Tests.Architecture;

/// <summary>
/// The layers of docs/ARCHITECTURE.md, read from the compiled assemblies: each project may use only the projects
/// and framework families its layer allows, so Core using ASP.NET Core, a store or a platform fails here.
/// </summary>
public sealed class LayerDependencyTests
{
    // Our own assemblies each layer may reference; every other AccountBot.* is refused.
    public static TheoryData<string, string[]> OwnReferences => new()
    {
        { "AccountBot.Core", [] },
        { "AccountBot.Adapters", ["AccountBot.Core"] },
        { "AccountBot.Charts", ["AccountBot.Core"] },
        { "AccountBot.Storage.LiteDb", ["AccountBot.Core", "AccountBot.Adapters"] },
        { "AccountBot.Storage.Postgres", ["AccountBot.Core", "AccountBot.Adapters"] },
        { "AccountBot.Slack", ["AccountBot.Core", "AccountBot.Adapters"] },
        { "AccountBot.Teams", ["AccountBot.Core", "AccountBot.Adapters"] },
    };

    // Outside our own: what the domain and the shared adapters library may never use (web stack, stores, drawing).
    public static TheoryData<string> Inner => new() { "AccountBot.Core", "AccountBot.Adapters" };

    private static readonly string[] NotInside = ["Microsoft.AspNetCore", "LiteDB", "Npgsql", "SkiaSharp", "Microsoft.IdentityModel", "Microsoft.Identity", "OpenTelemetry"];

    [Theory]
    [MemberData(nameof(OwnReferences))]
    public void Project_ReferencesOnlyTheLayersBelowIt(string project, string[] allowed)
    {
        var own = References(project).Where(name => name.StartsWith("AccountBot", StringComparison.Ordinal));

        Assert.All(own, name => Assert.Contains(name, allowed));
    }

    [Theory]
    [MemberData(nameof(Inner))]
    public void InnerLayer_UsesNoWebStackStoreOrPlatformLibrary(string project)
    {
        var outside = References(project).Where(name => NotInside.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));

        Assert.Empty(outside);
    }

    // What only a platform needs to reach a conversation: the Bot Connector's URL and bot id, a Slack token or response_url.
    private static readonly string[] PlatformShaped = ["ServiceUrl", "BotId", "BotName", "BotToken", "ResponseUrl", "TenantId"];

    [Fact]
    public void Core_HoldsNoPlatformShapedRecord()
    {
        // Core's ports name a workspace and a channel; how a platform reaches them lives in Adapters or the platform.
        var core = Assembly.Load(new AssemblyName("AccountBot.Core"));
        var shaped = core.GetTypes()
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(property => PlatformShaped.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                .Select(property => $"{type.FullName}.{property.Name}"));

        Assert.Empty(shaped);
    }

    [Fact]
    public void Core_HoldsNoHttpPlumbing()
    {
        // Handlers, clients and content types are how an adapter talks HTTP; Core's use cases never see a request.
        var core = Assembly.Load(new AssemblyName("AccountBot.Core"));
        var plumbing = core.GetTypes()
            .Where(type => typeof(HttpMessageHandler).IsAssignableFrom(type) || typeof(HttpContent).IsAssignableFrom(type))
            .Select(type => type.FullName);

        Assert.Empty(plumbing);
    }

    [Fact]
    public void Host_ReferencesEveryLayer()
    {
        // The host composes every layer; a layer it stopped using would no longer be checked by the rules above.
        var layers = new HashSet<string>(["AccountBot.Core", "AccountBot.Adapters", "AccountBot.Charts", "AccountBot.Storage.LiteDb", "AccountBot.Storage.Postgres", "AccountBot.Slack", "AccountBot.Teams"]);

        Assert.Superset(layers, References("AccountBot").ToHashSet());
    }

    private static IReadOnlyList<string> References(string project) =>
        [.. Assembly.Load(new AssemblyName(project)).GetReferencedAssemblies().Select(a => a.Name!)];
}
