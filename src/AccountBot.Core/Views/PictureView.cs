using AccountBot.Core.Commands;

namespace AccountBot.Core.Views;

/// <summary>
/// A picture of the map (grid, onion, org chart, RACI) as text: a title and sections of lines.
/// Renderers show an image when one is available and this text as the fallback.
/// </summary>
public sealed record PictureView(Guid MapId, string MapName, string CommandName, int Version, MapPicture Picture, IReadOnlyList<PictureSection> Sections) : Reply
{
    /// <summary>Where the rendered PNG can be fetched, when the host can serve one.</summary>
    public Uri? ImageUrl { get; init; }
}
