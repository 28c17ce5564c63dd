using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Nudges;
using AccountBot.Storage.LiteDb.Documents;
using LiteDB;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// <see cref="INotifySettingsStore"/> on LiteDB: one document per user in <c>notify_settings</c>, keyed by
/// <c>{workspace}|{user id}</c> (a key range is one workspace's users). A save is one upsert: the last one wins.
/// </summary>
public sealed class LiteDbNotifySettingsStore : INotifySettingsStore
{
    internal const string Collection = "notify_settings";

    private readonly ILiteCollection<NotifySettingDocument> _settings;

    public LiteDbNotifySettingsStore(LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _settings = context.Database.GetCollection<NotifySettingDocument>(Collection);
    }

    public Task<NotifySetting?> GetAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        cancellationToken.ThrowIfCancellationRequested();
        var document = _settings.FindById(StoreKeys.NotifySetting(workspace, userId));
        return Task.FromResult(document is null ? null : ToDomain(document));
    }

    public Task SaveAsync(NotifySetting setting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentException.ThrowIfNullOrEmpty(setting.UserId);
        cancellationToken.ThrowIfCancellationRequested();
        _settings.Upsert(new NotifySettingDocument
        {
            Id = StoreKeys.NotifySetting(setting.Workspace, setting.UserId),
            Workspace = setting.Workspace.Value,
            UserId = setting.UserId,
            Mode = setting.Mode.ToString(),
            TimeZone = setting.TimeZone,
            UpdatedAt = setting.UpdatedAt is { } at ? StoredDates.ToStored(at) : null,
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NotifySetting>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<NotifySetting> settings = [.. _settings
            .Find(Filter.StartsWith("_id", StoreKeys.NotifySetting(workspace, string.Empty)))
            .Select(ToDomain)
            .OrderBy(s => s.UserId, StringComparer.Ordinal)];
        return Task.FromResult(settings);
    }

    private static NotifySetting ToDomain(NotifySettingDocument d) => new(
        WorkspaceKey.Parse(d.Workspace),
        d.UserId,
        Enum.Parse<NotifyMode>(d.Mode),
        d.TimeZone,
        d.UpdatedAt is { } at ? StoredDates.FromStored(at) : null);
}
