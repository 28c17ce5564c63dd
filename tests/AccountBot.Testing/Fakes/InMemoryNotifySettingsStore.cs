using System.Collections.Concurrent;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Nudges;

namespace AccountBot.Testing.Fakes;

/// <summary>An <see cref="INotifySettingsStore"/> in memory: the last save per workspace and user wins.</summary>
public sealed class InMemoryNotifySettingsStore : INotifySettingsStore
{
    private readonly ConcurrentDictionary<(WorkspaceKey, string), NotifySetting> _settings = new();

    public Task<NotifySetting?> GetAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_settings.GetValueOrDefault((workspace, userId)));

    public Task SaveAsync(NotifySetting setting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setting);
        _settings[(setting.Workspace, setting.UserId)] = setting;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NotifySetting>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NotifySetting>>([.. _settings.Values.Where(s => s.Workspace == workspace).OrderBy(s => s.UserId, StringComparer.Ordinal)]);
}
