using AccountBot.Core.Abstractions;
using AccountBot.Core.Channels;
using AccountBot.Core.Features.Routing;

namespace AccountBot.Core.Features.Channels;

/// <summary>
/// Changes a channel's settings with optimistic concurrency, as <see cref="MapEditor"/> does for maps: load, change,
/// save if nobody saved in between, otherwise re-apply the same change to the fresh settings. Two people running
/// <c>map settings</c> (or snoozing) in one channel at once therefore both keep their change.
/// </summary>
public sealed class ChannelSettingsEditor(IChannelSettingsStore store)
{
    public const int MaxAttempts = 8;

    /// <summary>The saved settings, or null when others kept changing them for <see cref="MaxAttempts"/> attempts.</summary>
    /// <param name="change">Applied to the current settings (defaults for this channel when none are stored); must not have side effects.</param>
    public async Task<ChannelSettings?> UpdateAsync(RequestContext context, Func<ChannelSettings, ChannelSettings> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await LoadAsync(context, cancellationToken);
            var changed = change(current) with { Workspace = context.Workspace, ChannelId = context.Channel.Id, Version = current.Version };
            if (await store.TrySaveAsync(changed, cancellationToken) is { } saved)
            {
                return saved;
            }
        }

        return null;
    }

    /// <summary>The channel's settings, or its defaults (version 0) when it has none.</summary>
    public async Task<ChannelSettings> LoadAsync(RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await store.GetAsync(context.Workspace, context.Channel.Id, cancellationToken)
            ?? new ChannelSettings { Workspace = context.Workspace, ChannelId = context.Channel.Id, ChannelName = context.Channel.Name };
    }
}
