namespace AccountBot.Core.Forms;

/// <summary>
/// A submitted form's values by field id, as the platform sent them: text as typed, a choice's value, several choices
/// joined by commas, a date as <c>yyyy-MM-dd</c>, a person's or user's id. Adapters build it from their payloads
/// by field kind; the core reads it (<c>StakeholderFormReader.FromFields</c>).
/// </summary>
public sealed class FormFields(IReadOnlyDictionary<string, string?> values)
{
    public string? this[string id] => values.TryGetValue(id, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
