namespace AccountBot.Core.Caching;

/// <summary>One entry of <see cref="RenderedOutputCache"/>: a view (<see cref="ViewKey"/>) as one platform draws it.</summary>
/// <param name="Platform">Who drew it: <see cref="Core"/> for the neutral view itself, else the adapter's name.</param>
public readonly record struct RenderKey(string Platform, ViewKey View)
{
    /// <summary>The channel-neutral view model, before any platform draws it.</summary>
    public const string Core = "core";
}
