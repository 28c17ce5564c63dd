using System.Collections.Concurrent;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Settings;

namespace AccountBot.Testing.Fakes;

/// <summary>An in-memory <see cref="IChannelSettingsStore"/> for use-case tests.</summary>
public sealed class InMemoryChannelSettingsStore : IChannelSettingsStore
{
    private readonly ConcurrentDictionary<(WorkspaceKey, string), ChannelSettings> settings = new();

    public Task<ChannelSettings?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken) =>
        Task.FromResult(settings.GetValueOrDefault((workspace, channelId)));

    public Task SaveAsync(ChannelSettings value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        settings[(value.Workspace, value.ChannelId)] = value;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChannelSettings>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChannelSettings>>([.. settings.Values.Where(s => s.Workspace == workspace)]);

    public Task SetLastFailureAsync(WorkspaceKey workspace, string channelId, DeliveryFailure? failure, CancellationToken cancellationToken)
    {
        settings.AddOrUpdate(
            (workspace, channelId),
            _ => new ChannelSettings { Workspace = workspace, ChannelId = channelId, LastFailure = failure },
            (_, current) => current with { LastFailure = failure });
        return Task.CompletedTask;
    }
}
