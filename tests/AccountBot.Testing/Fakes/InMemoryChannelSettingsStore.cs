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
}
