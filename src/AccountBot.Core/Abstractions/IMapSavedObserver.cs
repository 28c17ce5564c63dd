using AccountBot.Core.Accounts;

namespace AccountBot.Core.Abstractions;

/// <summary>
/// Told of every change <see cref="Features.MapEditor"/> saved, with the map before and after (e.g. the nudges a change
/// owes its relationship owners). Called after the save; an observer must not change the map.
/// </summary>
public interface IMapSavedObserver
{
    Task OnSavedAsync(AccountMap before, AccountMap after, Stamp stamp, CancellationToken cancellationToken);
}
