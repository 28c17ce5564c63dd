using AccountBot.Core;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Admin;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Testing.Fakes;

/// <summary>
/// The core's use cases wired as the host wires them, over in-memory stores and a fake clock:
/// <c>await harness.SendAsync("map Acme")</c> returns the reply a user would get.
/// </summary>
public sealed class CoreHarness : IDisposable
{
    private readonly ServiceProvider provider;

    public CoreHarness(IAccountMapStore? store = null, DateTimeOffset? now = null, params IWorkspaceAdmins[] workspaceAdmins)
    {
        WorkspaceAdmins = workspaceAdmins;
        Store = store ?? new InMemoryAccountMapStore();
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Store);
        services.AddSingleton<IChannelSettingsStore>(Settings);
        services.AddSingleton(Coverage);
        services.AddSingleton(Limits);
        services.AddSingleton(Reminders);
        services.AddSingleton<IDigestOutbox>(Outbox);
        services.AddSingleton<INotifySettingsStore>(NotifySettings);
        services.AddSingleton<IMapSavedObserver, NudgeEvents>();
        services.AddSingleton(Admins);
        foreach (var source in WorkspaceAdmins)
            services.AddSingleton(source);
        services.AddAccountBotCore();
        provider = services.BuildServiceProvider();
        Dispatcher = provider.GetRequiredService<CommandDispatcher>();
    }

    public IAccountMapStore Store { get; }
    public InMemoryChannelSettingsStore Settings { get; } = new();
    public FakeTimeProvider Time { get; }
    public CoverageOptions Coverage { get; } = new();
    public LimitsOptions Limits { get; } = new();
    public ReminderOptions Reminders { get; } = new();

    /// <summary>Configured admins (empty): add ids before the first command.</summary>
    public AdminsOptions Admins { get; } = new();

    public IReadOnlyList<IWorkspaceAdmins> WorkspaceAdmins { get; }
    public CommandDispatcher Dispatcher { get; }

    public InMemoryDigestOutbox Outbox { get; } = new();

    public InMemoryNotifySettingsStore NotifySettings { get; } = new();

    public static WorkspaceKey WorkspaceA { get; } = WorkspaceKey.ForSlack(null, "T0A");
    public static WorkspaceKey WorkspaceB { get; } = WorkspaceKey.ForSlack(null, "T0B");

    public RequestContext Context { get; set; } = new(WorkspaceA, new UserRef("U1", "Ana Rep"), new ChannelRef("C1", "deals"));

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    public Task<Core.Views.Reply> SendAsync(string text, RequestContext? context = null) =>
        Dispatcher.DispatchAsync(text, context ?? Context, CancellationToken.None);

    public void Dispose() => provider.Dispose();
}
