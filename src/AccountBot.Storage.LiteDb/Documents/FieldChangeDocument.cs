using AccountBot.Core.Accounts;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>Stored form of <see cref="FieldChange"/>.</summary>
public sealed class FieldChangeDocument
{
    public string Field { get; set; } = string.Empty;
    public string? Old { get; set; }
    public string? New { get; set; }

    public static FieldChangeDocument From(FieldChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new() { Field = change.Field, Old = change.Old, New = change.New };
    }

    public FieldChange ToDomain() => new(Field, Old, New);
}
