namespace AccountBot.Core.Caching;

/// <summary>The views whose renderings are kept (<see cref="ViewKey.View"/>).</summary>
public static class ViewKinds
{
    /// <summary>The map card as <c>map Acme</c> shows it to the channel: no per-user field.</summary>
    public const string MapCard = "map-card";
}
