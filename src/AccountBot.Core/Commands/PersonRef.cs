using System.Globalization;

namespace AccountBot.Core.Commands;

/// <summary>
/// How a command names a person: by name as typed, or (from buttons) by id as <c>id:&lt;guid&gt;</c>.
/// </summary>
public sealed record PersonRef(string Text, Guid? Id = null)
{
    public const string IdPrefix = "id:";

    public static PersonRef FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith(IdPrefix, StringComparison.OrdinalIgnoreCase)
            && Guid.TryParse(text.AsSpan(IdPrefix.Length), out var id)
                ? new PersonRef(text, id)
                : new PersonRef(text);
    }

    /// <summary>The command text a button uses to name this person unambiguously.</summary>
    public static string ForId(Guid id) => IdPrefix + id.ToString("N", CultureInfo.InvariantCulture);
}
