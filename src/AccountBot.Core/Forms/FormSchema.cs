namespace AccountBot.Core.Forms;

/// <summary>A form's fields in the order they are shown.</summary>
public sealed record FormSchema(IReadOnlyList<FormField> Fields)
{
    public FormField this[string id] => Fields.Single(f => f.Id == id);

    /// <summary>The fields of the short form, in order.</summary>
    public IReadOnlyList<FormField> ShortFields => [.. Fields.Where(f => f.Short)];

    /// <summary>The fields behind "More details", in order.</summary>
    public IReadOnlyList<FormField> DetailFields => [.. Fields.Where(f => !f.Short)];
}
