using LiteDB;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// Query filters with the value as a parameter. LiteDB's <c>Query.EQ</c>, <c>LT</c>, <c>Between</c>
/// and <c>StartsWith</c> write the value into the expression's text (<c>$._id="slack:T1|…"</c>), and
/// LiteDB keeps a compiled delegate for every distinct text for the life of the process: one per
/// map name, id and idempotency key ever looked up, in memory that is never given back (a
/// five-minute load run grew the host by 600 MB). With <c>@0</c> the text is the same for every
/// value, so each filter shape is parsed and compiled once.
/// </summary>
internal static class Filter
{
    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    public static BsonExpression Lt(string field, BsonValue value) => BsonExpression.Create($"$.{field} < @0", value);

    public static BsonExpression Between(string field, BsonValue from, BsonValue to) => BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", from, to);

    /// <summary>
    /// Keys starting with <paramref name="prefix"/>, as an index range rather than <c>LIKE "prefix%"</c>: LIKE reads
    /// <c>%</c> and <c>_</c> inside the prefix as wildcards, so workspace <c>T_1</c> would also reach <c>TA1</c>'s keys.
    /// The range ends at the prefix with its last character raised by one (the collation is binary, i.e. ordinal); it
    /// also holds that one bound value, which no key equals, because every prefix here ends with the key separator.
    /// </summary>
    public static BsonExpression StartsWith(string field, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (prefix[^1] == char.MaxValue)
        {
            throw new ArgumentException("The prefix must not end with U+FFFF.", nameof(prefix));
        }

        var end = string.Concat(prefix.AsSpan(0, prefix.Length - 1), char.ToString((char)(prefix[^1] + 1)));
        return Between(field, prefix, end);
    }

    /// <summary>Any element of the array <paramref name="arrayField"/> equals <paramref name="value"/>.</summary>
    public static BsonExpression AnyEquals(string arrayField, BsonValue value) => BsonExpression.Create($"$.{arrayField}[*] ANY = @0", value);
}
