using System.Threading.Channels;
using AccountBot.Core.Accounts;
using AccountBot.Core.Workspaces;
using AccountBot.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Host.Tests.Privacy;

/// <summary>
/// A fake clock for a host, and the passes of its <see cref="WorkspaceRemovalService"/> as they happen: a test waits for
/// the start-up pass (<see cref="NextPassAsync"/>), then moves the clock and gets the pass that move caused.
/// </summary>
internal sealed class RemovalClock
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Channel<int> _passes = Channel.CreateUnbounded<int>();

    /// <summary>Now, in whole seconds (stored dates keep milliseconds only, so a date read back equals one computed here).</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    /// <summary>For a host's <c>ConfigureTestServices</c>: the clock, and the service with its passes reported here.</summary>
    public void Configure(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(sp =>
        {
            var service = ActivatorUtilities.CreateInstance<WorkspaceRemovalService>(sp);
            service.Passed += deleted => _passes.Writer.TryWrite(deleted);
            return service;
        });
    }

    /// <summary>How many workspaces the next pass deleted.</summary>
    public async Task<int> NextPassAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        return await _passes.Reader.ReadAsync(patience.Token);
    }

    /// <summary>Moves the clock (past the pass's timer, which the previous pass set) and returns what the pass it caused deleted.</summary>
    public Task<int> AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        return NextPassAsync();
    }

    public static async Task<WorkspaceRemoval?> ScheduledAsync(IServiceProvider services, WorkspaceKey workspace) =>
        (await services.GetRequiredService<IWorkspaceDataStore>().ListRemovalsAsync(CancellationToken.None)).SingleOrDefault(r => r.Workspace == workspace);
}
