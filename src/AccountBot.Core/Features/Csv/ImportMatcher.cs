using AccountBot.Core.Accounts;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// Finds the person on a map a CSV row is about: by normalised profile address (<see cref="ProfileUrlKey"/>), else by
/// e-mail, else by name; and whether the row's company is another company than the map's (a job change).
/// </summary>
public static class ImportMatcher
{
    public static (Stakeholder? Person, MatchedBy By) Find(AccountMap map, CsvRow row, string nameKey)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(row);
        if (ProfileUrlKey.Of(row[CsvColumn.ProfileUrl]) is { } url
            && map.Stakeholders.FirstOrDefault(s => ProfileUrlKey.Of(s.ProfileUrl) == url) is { } byUrl)
            return (byUrl, MatchedBy.ProfileUrl);
        if (row[CsvColumn.Email] is { Length: > 0 } email
            && map.Stakeholders.FirstOrDefault(s => string.Equals(s.Email?.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase)) is { } byEmail)
            return (byEmail, MatchedBy.Email);
        return map.Stakeholders.FirstOrDefault(s => NameKey.Normalize(s.Name) == nameKey) is { } byName
            ? (byName, MatchedBy.Name)
            : (null, MatchedBy.None);
    }

    /// <summary>
    /// The row's company when it names another company than the map (its name or an alias, compared as names are,
    /// one may be the other with a suffix: "Acme" is "Acme Corp"); null when the file has no company or it is this one.
    /// </summary>
    public static string? OtherCompany(AccountMap map, CsvRow row)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(row);
        if (row[CsvColumn.Company] is not { Length: > 0 } company || NameKey.Normalize(company) is not { Length: > 0 } key)
            return null;
        var ours = new[] { map.Name }.Concat(map.Aliases).Select(NameKey.Normalize).Where(k => k.Length > 0);
        return ours.Any(k => Same(k, key)) ? null : company.Trim();
    }

    private static bool Same(string a, string b) =>
        a == b || a.StartsWith(b + " ", StringComparison.Ordinal) || b.StartsWith(a + " ", StringComparison.Ordinal);
}
