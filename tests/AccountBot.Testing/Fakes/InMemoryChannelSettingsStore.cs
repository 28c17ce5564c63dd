using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;

namespace AccountBot.Testing.Fakes;

/// <summary>An in-memory <see cref="IChannelSettingsStore"/> with the LiteDB store's contract (version check on every save).</summary>
public sealed class InMemoryChannelSettingsStore : IChannelSettingsStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(WorkspaceKey, string), ChannelSettings> settings = [];

    /// <summary>Runs inside the next save, before its version check (test seam: another user saving "at the same time").</summary>
    public Func<Task>? BeforeNextSave { get; set; }

    public Task<ChannelSettings?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(settings.GetValueOrDefault((workspace, channelId)));
        }
    }

    public async Task<ChannelSettings?> TrySaveAsync(ChannelSettings value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (BeforeNextSave is { } interleave)
        {
            BeforeNextSave = null;
            await interleave();
        }

        lock (gate)
        {
            var stored = settings.GetValueOrDefault((value.Workspace, value.ChannelId));
            if ((stored?.Version ?? 0) != value.Version)
            {
                return null;
            }

            var saved = value with { Version = value.Version + 1 };
            settings[(value.Workspace, value.ChannelId)] = saved;
            return saved;
        }
    }

    public Task<IReadOnlyList<ChannelSettings>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ChannelSettings>>([.. settings.Values.Where(s => s.Workspace == workspace)]);
        }
    }

    public Task SetLastFailureAsync(WorkspaceKey workspace, string channelId, DeliveryFailure? failure, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var current = settings.GetValueOrDefault((workspace, channelId)) ?? new ChannelSettings { Workspace = workspace, ChannelId = channelId };
            settings[(workspace, channelId)] = current with { LastFailure = failure, Version = current.Version + 1 };
        }

        return Task.CompletedTask;
    }
}
