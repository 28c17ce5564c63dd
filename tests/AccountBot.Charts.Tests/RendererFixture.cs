using AccountBot.Core.Accounts;

namespace AccountBot.Charts.Tests;

/// <summary>
/// One renderer for the test class. A missing font makes every test fail with the font's name:
/// pictures without text would be worthless, so nothing is skipped.
/// </summary>
public sealed class RendererFixture : IDisposable
{
    private readonly ChartFonts fonts = new();

    public RendererFixture() => Renderer = new MapPictureRenderer(fonts, new CoverageOptions());

    public MapPictureRenderer Renderer { get; }

    public void Dispose() => fonts.Dispose();
}
