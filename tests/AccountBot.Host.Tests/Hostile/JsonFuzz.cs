using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>
/// Generators of hostile JSON made from a valid seed document: malformed and truncated text, a wrong type in any
/// field, missing fields, deep nesting, huge strings, invalid UTF-8. Bodies are bytes (invalid UTF-8 must survive);
/// <c>{{…}}</c> tokens in a seed are resolved by the host later (<see cref="HostileHost.Resolve"/>).
/// </summary>
internal static class JsonFuzz
{
    public const string Tolerated = "(tolerated) ";

    private const string Hole = "@@hostile-hole@@";

    /// <summary>Raw JSON values of the wrong type (or of the right type and a hostile value) for any field.</summary>
    public static readonly IReadOnlyList<(string Name, string Json)> WrongValues =
    [
        ("null", "null"), ("true", "true"), ("false", "false"), ("zero", "0"), ("negative", "-1"), ("float", "1.5"),
        ("1e400", "1e400"), ("long overflow", "92233720368547758080"), ("negative zero", "-0"), ("empty string", "\"\""),
        ("blank string", "\"   \""), ("string null", "\"null\""), ("empty array", "[]"), ("empty object", "{}"),
        ("array of mixed", "[1,\"x\",null,{}]"), ("object", "{\"id\":{\"id\":[1,2]}}"), ("nul char", "\"a\\u0000b\""),
        ("lone high surrogate", "\"x\\ud800y\""), ("lone low surrogate", "\"\\udc00\""), ("reversed surrogates", "\"\\udc00\\ud800\""),
        ("control chars", "\"\\u0001\\u0002\\u001f\\t\\r\\n\""), ("rtl and zero width", "\"\\u202eJane\\u200b\\ufeff\""),
        ("html", "\"<script>alert(1)</script>\""), ("mention markup", "\"<at>AccountBot</at> <!channel> <@U0BOT>\""),
        ("sql-ish", "\"' OR 1=1 --\""), ("path", "\"../../../etc/passwd\""), ("empty guid", "\"00000000-0000-0000-0000-000000000000\""),
        ("guid of the other workspace", "\"{{other.map0}}\""), ("number as string", "\"4\""), ("date-ish", "\"2026-02-30\""),
        ("emoji", "\"\\ud83d\\ude00\\ud83d\\udc4d\""), ("long string", "\"" + new string('x', 5000) + "\""),
    ];

    /// <summary>Byte sequences that are not UTF-8, put inside a JSON string.</summary>
    public static readonly IReadOnlyList<(string Name, byte[] Bytes)> InvalidUtf8 =
    [
        ("C3 28", [0xC3, 0x28]), ("FF FE", [0xFF, 0xFE]), ("lone continuation 80", [0x80]), ("CESU surrogate ED A0 80", [0xED, 0xA0, 0x80]),
        ("above U+10FFFF F4 90 80 80", [0xF4, 0x90, 0x80, 0x80]), ("overlong C0 AF", [0xC0, 0xAF]), ("truncated E2 82", [0xE2, 0x82]),
        ("F8 five-byte", [0xF8, 0x88, 0x80, 0x80, 0x80]), ("latin-1 e9", [0x4A, 0x6F, 0xE9]),
    ];

    public static Gen<T> Pick<T>(IReadOnlyList<T> items) => Gen.Elements(items.ToArray());

    /// <summary>Every node of the document as a JSON-pointer-like path (<c>/from/id</c>, <c>/entities/0/text</c>).</summary>
    public static IReadOnlyList<string> Paths(string json)
    {
        var paths = new List<string>();
        Walk(JsonNode.Parse(json)!, string.Empty, paths);
        return paths;
    }

    /// <summary>The document with the node at <paramref name="path"/> replaced by raw bytes (which need not be JSON).</summary>
    public static byte[] Replace(string json, string path, byte[] raw)
    {
        var root = JsonNode.Parse(json)!;
        var (parent, key) = Locate(root, path);
        SetChild(parent, key, JsonValue.Create(Hole));
        var text = root.ToJsonString();
        var at = text.IndexOf("\"" + Hole + "\"", StringComparison.Ordinal);
        var before = Encoding.UTF8.GetBytes(text[..at]);
        var after = Encoding.UTF8.GetBytes(text[(at + Hole.Length + 2)..]);
        return [.. before, .. raw, .. after];
    }

    public static byte[] Replace(string json, string path, string rawJson) => Replace(json, path, Encoding.UTF8.GetBytes(rawJson));

    public static byte[] Remove(string json, string path)
    {
        var root = JsonNode.Parse(json)!;
        var (parent, key) = Locate(root, path);
        if (parent is JsonObject obj)
            obj.Remove(key);
        else if (parent is JsonArray array)
            array.RemoveAt(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture));
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary><paramref name="depth"/> levels of arrays (or objects) around a value.</summary>
    public static string Nested(int depth, bool objects) => objects
        ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
        : new string('[', depth) + "1" + new string(']', depth);

    /// <summary>
    /// Whole-body breakage of a seed: truncated, wrapped, duplicated keys, not JSON at all. Labels starting with
    /// <see cref="Tolerated"/> are what JSON readers commonly accept (a BOM, a repeated key: the last wins).
    /// </summary>
    public static Gen<(string Label, byte[] Body)> Malformed(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var truncated = Gen.Choose(0, bytes.Length - 1).Select(n => ($"truncated at {n}", bytes[..n]));
        var fixedOnes = Pick<(string, byte[])>(
        [
            ("empty body", []),
            ("whitespace", "  \r\n\t "u8.ToArray()),
            ("null", "null"u8.ToArray()),
            ("array", "[]"u8.ToArray()),
            ("string", "\"map Acme\""u8.ToArray()),
            ("number", "42"u8.ToArray()),
            ("trailing garbage", [.. bytes, .. "}{"u8.ToArray()]),
            ("two documents", [.. bytes, .. bytes]),
            (Tolerated + "BOM first", [0xEF, 0xBB, 0xBF, .. bytes]),
            ("comment first", [.. "/* hi */"u8.ToArray(), .. bytes]),
            ("single quotes", Encoding.UTF8.GetBytes(json.Replace('"', '\''))),
            ("NaN value", Encoding.UTF8.GetBytes(json.Insert(1, "\"nan\":NaN,"))),
            ("trailing comma", Encoding.UTF8.GetBytes(json[..^1] + ",}")),
            ("unquoted key", Encoding.UTF8.GetBytes(json.Insert(1, "type2:1,"))),
            (Tolerated + "type given twice, the seed's last", Encoding.UTF8.GetBytes(json.Insert(1, "\"type\":\"invoke\","))),
            ("UTF-16 encoded", Encoding.Unicode.GetBytes(json)),
            ("NUL bytes", [0, 0, 0, 0]),
            ("form body", "payload=%7B%7D&type=message"u8.ToArray()),
            ("XML", "<activity type=\"message\"/>"u8.ToArray()),
            ("only an opening brace", "{"u8.ToArray()),
        ]);
        return Gen.Frequency((2, truncated), (3, fixedOnes));
    }

    /// <summary>One field replaced by a value of the wrong type.</summary>
    public static Gen<(string Label, byte[] Body)> WrongType(string json, string path) =>
        Pick(WrongValues).Select(v => ($"{path} = {v.Name}", Replace(json, path, v.Json)));

    /// <summary>Every field once as <c>null</c> and once as a random wrong type.</summary>
    public static IEnumerable<(string Path, Gen<(string Label, byte[] Body)> Gen)> EveryField(string json) =>
        Paths(json).SelectMany(path => new[] { (path, Gen.Constant(($"{path} = null", Replace(json, path, "null")))), (path + "*", WrongType(json, path)) });

    public static Gen<(string Label, byte[] Body)> WrongTypeAnywhere(string json) =>
        Pick(Paths(json)).SelectMany(path => WrongType(json, path));

    public static Gen<(string Label, byte[] Body)> Missing(string json) =>
        Pick(Paths(json)).Select(path => ($"without {path}", Remove(json, path)));

    public static Gen<(string Label, byte[] Body)> Deep(string json, int depth) =>
        from path in Pick(Paths(json))
        from objects in Gen.Elements(true, false)
        select ($"{path} nested {depth} deep ({(objects ? "objects" : "arrays")})", Replace(json, path, Nested(depth, objects)));

    public static Gen<(string Label, byte[] Body)> InvalidUtf8Anywhere(string json) =>
        from path in Pick(Paths(json))
        from bad in Pick(InvalidUtf8)
        select ($"{path} = invalid UTF-8 {bad.Name}", Replace(json, path, [(byte)'"', .. "ok"u8.ToArray(), .. bad.Bytes, (byte)'"']));

    /// <summary>A string field grown to <paramref name="length"/> characters (ASCII or 3-byte characters).</summary>
    public static Gen<(string Label, byte[] Body)> Huge(string json, int length) =>
        from path in Pick(Paths(json))
        from wide in Gen.Elements(false, true)
        select ($"{path} = {length} {(wide ? "CJK" : "ASCII")} chars", Replace(json, path, JsonSerializer.Serialize(new string(wide ? '界' : 'A', length))));

    private static void Walk(JsonNode node, string path, List<string> paths)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var childPath = path + "/" + key;
                    paths.Add(childPath);
                    if (child is not null)
                        Walk(child, childPath, paths);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var childPath = path + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    paths.Add(childPath);
                    if (array[i] is { } child)
                        Walk(child, childPath, paths);
                }

                break;
        }
    }

    private static (JsonNode Parent, string Key) Locate(JsonNode root, string path)
    {
        var parts = path.Split('/')[1..];
        var node = root;
        foreach (var part in parts[..^1])
            node = node is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
        return (node, parts[^1]);
    }

    private static void SetChild(JsonNode parent, string key, JsonNode? value)
    {
        if (parent is JsonArray array)
            array[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = value;
        else
            parent[key] = value;
    }
}
