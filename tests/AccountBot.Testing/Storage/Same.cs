using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>
/// Deep equality for the domain records: their lists compare by reference under record equality,
/// so compare what they serialise to (every property, offsets included, in order).
/// </summary>
public static class Same
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Equal<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, Options), JsonSerializer.Serialize(actual, Options));
}
