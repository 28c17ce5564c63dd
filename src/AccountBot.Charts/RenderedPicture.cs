namespace AccountBot.Charts;

/// <summary>A PNG and the layout it was drawn from.</summary>
public sealed record RenderedPicture(byte[] Png, ChartLayout Layout);
