namespace AccountBot.Core.Caching;

/// <summary>One entry of <see cref="RenderedOutputCache"/>: a view (<see cref="ViewKey"/>) as one platform draws it.</summary>
/// <param name="Platform">Who drew it: <see cref="Core"/> for the neutral view itself, else the adapter's name.</param>
public readonly record struct RenderKey(string Platform, ViewKey View)
{
    /// <summary>The channel-neutral view model, before any platform draws it.</summary>
    public const string Core = "core";

    /// <summary>
    /// Which form of the drawing: null for the platform's own object (a card, a Block Kit message), else a serialised
    /// form, named with everything it adds to the drawing (a Slack message's JSON names its response fields), so the
    /// bytes are reused only for an equal key.
    /// </summary>
    public string? Output { get; init; }
}
