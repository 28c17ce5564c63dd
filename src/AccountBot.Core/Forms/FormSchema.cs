namespace AccountBot.Core.Forms;

/// <summary>A form's fields in the order they are shown.</summary>
public sealed record FormSchema(IReadOnlyList<FormField> Fields)
{
    public FormField this[string id] => Fields.Single(f => f.Id == id);
}
