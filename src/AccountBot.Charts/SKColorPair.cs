using SkiaSharp;

namespace AccountBot.Charts;

/// <summary>The colours of one person label: marker, name text, role letters.</summary>
internal readonly record struct SKColorPair(SKColor Marker, SKColor Text, SKColor Badge);
