using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Csv;

/// <summary>The map an import marked people as left on, with a "follow your champion" button for each of them.</summary>
public static class JobChangeReplies
{
    public static MapView OfferFollow(MapView map, Guid mapId, IReadOnlyList<JobChange> moves)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(moves);
        return map with { FollowButtons = [.. moves.Select(m => new CommandButton(JobChangeText.FollowLabel(m), JobChangeText.FollowCommand(mapId, m)))] };
    }
}
