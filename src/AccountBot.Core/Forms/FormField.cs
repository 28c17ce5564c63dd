namespace AccountBot.Core.Forms;

/// <summary>
/// One field of a form, described once for both platforms: its id (also the key its error comes back under),
/// label, kind, the options of a choice field, a hint and placeholder, limits, and whether it is required.
/// </summary>
public sealed record FormField(string Id, string Label, FieldKind Kind)
{
    public IReadOnlyList<FormOption> Options { get; init; } = [];

    /// <summary>A line under the field saying what it means.</summary>
    public string? Hint { get; init; }

    /// <summary>Example text shown in an empty field.</summary>
    public string? Placeholder { get; init; }

    public bool Required { get; init; }

    /// <summary>Several lines of text (notes).</summary>
    public bool Multiline { get; init; }

    /// <summary>The longest text accepted.</summary>
    public int? MaxLength { get; init; }

    public int? Min { get; init; }

    public int? Max { get; init; }

    /// <summary>A heading shown before this field, starting a part of the form.</summary>
    public string? Section { get; init; }

    /// <summary>Shown in the short form a form opens with; the other fields are one "More details" away.</summary>
    public bool Short { get; init; }
}
