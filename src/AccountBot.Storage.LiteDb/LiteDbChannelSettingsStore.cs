using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Storage.LiteDb.Documents;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// <see cref="IChannelSettingsStore"/> on LiteDB: one document per channel, keyed by
/// <c>{workspace}|{channel id}</c>, so a channel id never resolves in another workspace. Every write compares and
/// bumps the document's version under the database's write gate, so no change is silently overwritten.
/// </summary>
public sealed class LiteDbChannelSettingsStore : IChannelSettingsStore
{
    private readonly LiteDbContext _context;
    private readonly ILogger<LiteDbChannelSettingsStore> _logger;

    public LiteDbChannelSettingsStore(LiteDbContext context, ILogger<LiteDbChannelSettingsStore> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _logger = logger;
    }

    public Task<ChannelSettings?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        cancellationToken.ThrowIfCancellationRequested();
        var document = _context.ChannelSettings.FindById(StoreKeys.ChannelSettings(workspace, channelId));
        return Task.FromResult(document?.ToDomain());
    }

    public Task<ChannelSettings?> TrySaveAsync(ChannelSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(settings.ChannelId);
        cancellationToken.ThrowIfCancellationRequested();
        var document = ChannelSettingsDocument.From(settings with { Version = settings.Version + 1 });
        lock (_context.WriteGate)
        {
            var stored = _context.ChannelSettings.FindById(document.Id);
            if ((stored?.Version ?? 0) != settings.Version)
            {
                return Task.FromResult<ChannelSettings?>(null);
            }

            _context.ChannelSettings.Upsert(document);
        }

        Log.ChannelSettingsSaved(_logger, settings.ChannelId, settings.Workspace.Value);

        // What a later read returns (dates at the file's precision).
        return Task.FromResult<ChannelSettings?>(document.ToDomain());
    }

    public Task<IReadOnlyList<ChannelSettings>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // The key starts with the workspace: a key range is one workspace's channels.
        var prefix = StoreKeys.ChannelSettings(workspace, string.Empty);
        IReadOnlyList<ChannelSettings> settings = [.. _context.ChannelSettings
            .Find(Filter.StartsWith("_id", prefix))
            .Select(d => d.ToDomain())];
        return Task.FromResult(settings);
    }

    public Task SetLastFailureAsync(WorkspaceKey workspace, string channelId, DeliveryFailure? failure, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        cancellationToken.ThrowIfCancellationRequested();

        // Read and write under the gate so a concurrent failure record cannot be lost; the rest of the
        // document is written back as read.
        lock (_context.WriteGate)
        {
            var document = _context.ChannelSettings.FindById(StoreKeys.ChannelSettings(workspace, channelId))
                ?? ChannelSettingsDocument.From(new ChannelSettings { Workspace = workspace, ChannelId = channelId });
            document.LastFailure = failure is null ? null : DeliveryFailureDocument.From(failure);
            document.Version++;
            _context.ChannelSettings.Upsert(document);
        }

        Log.ChannelSettingsSaved(_logger, channelId, workspace.Value);
        return Task.CompletedTask;
    }
}
