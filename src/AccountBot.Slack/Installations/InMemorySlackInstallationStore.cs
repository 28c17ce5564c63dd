using System.Collections.Concurrent;

namespace AccountBot.Slack.Installations;

/// <summary>Installations kept in process memory: for tests and development (they are lost on restart).</summary>
public sealed class InMemorySlackInstallationStore : ISlackInstallationStore
{
    private readonly ConcurrentDictionary<SlackTeamKey, SlackInstallation> _installations = new();

    public ValueTask<SlackInstallation?> FindAsync(SlackTeamKey key, CancellationToken cancellationToken)
    {
        if (_installations.TryGetValue(key, out var installation))
            return ValueTask.FromResult<SlackInstallation?>(installation);
        if (key.EnterpriseId is not null && _installations.TryGetValue(key with { TeamId = null }, out var orgWide))
            return ValueTask.FromResult<SlackInstallation?>(orgWide);
        return ValueTask.FromResult<SlackInstallation?>(null);
    }

    public Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        _installations[installation.Key] = installation;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(SlackTeamKey key, CancellationToken cancellationToken)
    {
        _installations.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
