using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;
using AccountBot.Testing.Builders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Host.Tests.Pictures;

/// <summary>
/// Hosts that serve picture and export links, one database folder for all of them (so a later host
/// with other keys sees the maps of an earlier one), on a shared fake clock.
/// </summary>
public sealed class PictureHost(string purpose) : IDisposable
{
    public static readonly WorkspaceKey WorkspaceA = WorkspaceKey.ForSlack(null, "T0A");
    public static readonly WorkspaceKey WorkspaceB = WorkspaceKey.ForTeams("72f988bf-0000-0000-0000-000000000000");
    public static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    public static readonly RequestContext Rep = new(WorkspaceA, new UserRef("U1", "Ana Rep"), new ChannelRef("C1", "deals"));

    private readonly TestHost hosts = new(purpose);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public string Folder => hosts.Folder;

    public void Dispose() => hosts.Dispose();

    /// <summary>A host with a public address and <see cref="Key"/> as the signing key; <paramref name="settings"/> go on top.</summary>
    public WebApplicationFactory<Program> Create(params (string Key, string? Value)[] settings) => Create(_ => { }, settings);

    /// <summary>The same, with <paramref name="services"/> changed after the host's own registrations.</summary>
    public WebApplicationFactory<Program> Create(Action<IServiceCollection> services, params (string Key, string? Value)[] settings) =>
        hosts.Create(
            web => web.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(Time);
                services(s);
            }),
            [("PublicBaseUrl", "https://bot.example.com/"), ("Pictures:SigningKey", Key), .. settings]);

    public static async Task<AccountMap> SeedAsync(WebApplicationFactory<Program> host, WorkspaceKey workspace, string name = "Acme Corp")
    {
        var map = MapBuilder.For(workspace).Named(name).WithStakeholders(8).Build();
        var store = host.Services.GetRequiredService<IAccountMapStore>();
        var saved = await store.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Owner, "seeded", [])), CancellationToken.None);
        return saved.Map!;
    }

    /// <summary>A command as <see cref="Rep"/> in workspace A, through the host's dispatcher.</summary>
    public static Task<Reply> SendAsync(WebApplicationFactory<Program> host, string command) =>
        host.Services.GetRequiredService<CommandDispatcher>().DispatchAsync(command, Rep, CancellationToken.None);

    public static Uri Relative(Uri link) => new(link.PathAndQuery, UriKind.Relative);
}
