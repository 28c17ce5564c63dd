using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;

namespace AccountBot.Core.Features;

/// <summary>
/// Applies a change to a map with optimistic concurrency: load, change, save if nobody saved in
/// between; otherwise re-apply the same change to the fresh state. Two people editing at once
/// therefore never lose an update; only a map under constant fire reports a conflict.
/// </summary>
public sealed class MapEditor(IAccountMapStore store, TimeProvider time, LimitsOptions limits, IEnumerable<IMapSavedObserver> observers)
{
    public const int MaxAttempts = 8;

    public async Task<SaveResult> EditAsync(
        RequestContext context,
        Guid mapId,
        Func<AccountMap, Stamp, MapWrite> change,
        string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // A repeated submission must not be re-validated against the state it created
            // ("Jane Doe is already on this map"): it was applied, so it succeeds as it did.
            if (idempotencyKey is not null && await store.IsAppliedAsync(context.Workspace, idempotencyKey, cancellationToken))
            {
                var current = await store.GetAsync(context.Workspace, mapId, cancellationToken);
                return new SaveResult(current is null ? SaveOutcome.NotFound : SaveOutcome.AlreadyApplied, current);
            }

            var map = await store.GetAsync(context.Workspace, mapId, cancellationToken);
            if (map is null)
            {
                return new SaveResult(SaveOutcome.NotFound, null);
            }

            var stamp = new Stamp(time.GetUtcNow(), context.User);
            MapWrite result;
            try
            {
                result = change(map, stamp);
            }
            catch (DomainRuleException rule)
            {
                return new SaveResult(SaveOutcome.Invalid, map) { Errors = rule.Errors };
            }

            var saved = await store.SaveAsync(result with { IdempotencyKey = idempotencyKey }, cancellationToken);
            switch (saved.Outcome)
            {
                case SaveOutcome.Saved:
                    foreach (var observer in observers)
                    {
                        await observer.OnSavedAsync(map, result.Map, stamp, cancellationToken);
                    }

                    return saved with { Write = result };
                case SaveOutcome.AlreadyApplied:
                    return saved with { Map = saved.Map ?? map };
                case SaveOutcome.NotFound:
                    return saved;
                case SaveOutcome.NameTaken:
                    return new SaveResult(SaveOutcome.Invalid, map) { Errors = [new(StakeholderFields.MapName, Sentences.MapNameTaken)] };
                default:
                    continue;
            }
        }

        return new SaveResult(SaveOutcome.VersionConflict, null) { Errors = [new(StakeholderFields.General, Sentences.MapsBusy)] };
    }

    /// <summary>
    /// Creates a map; when the name is taken by then, returns the existing map. A workspace holding
    /// <c>Limits:MapsPerWorkspace</c> maps gets a <see cref="DomainRuleException"/> naming the limit, and nothing is stored.
    /// </summary>
    public async Task<(AccountMap Map, bool Created)> CreateAsync(RequestContext context, string name, MapKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stamp = new Stamp(time.GetUtcNow(), context.User);
        var created = AccountMap.Create(context.Workspace, name, kind, stamp, context.Channel, context.PrivateChannel ? MapVisibility.Private : MapVisibility.Public);
        var write = created with { MapLimit = limits.MapsPerWorkspace };
        var saved = await store.SaveAsync(write, cancellationToken);
        if (saved is { Outcome: SaveOutcome.Saved, Map: { } map })
        {
            return (map, true);
        }

        if (saved.Outcome == SaveOutcome.LimitReached)
        {
            throw new DomainRuleException(StakeholderFields.MapName, string.Format(CultureInfo.InvariantCulture, Sentences.MapLimitReached, limits.MapsPerWorkspace));
        }

        var existing = await store.FindByNameAsync(context.Workspace, name, cancellationToken)
            ?? throw new InvalidOperationException($"The store refused to create '{name}' ({saved.Outcome}) but has no map of that name.");
        return (existing, false);
    }
}
