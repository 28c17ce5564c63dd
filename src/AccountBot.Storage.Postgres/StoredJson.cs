using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AccountBot.Core.Accounts;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// How domain records are written to <c>jsonb</c> bodies. Instants are written in UTC, truncated to the millisecond,
/// exactly as the LiteDB store keeps them, so both stores return the same values and a copy between them is lossless;
/// enums as names, so reordering an enum never changes what a row means.
/// </summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter(), new WorkspaceKeyConverter(), new UtcMillisecondsConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"A stored {typeof(T).Name} is null.");

    /// <summary>What a later read returns: <paramref name="value"/> through the stored form.</summary>
    public static T Stored<T>(T value) => Read<T>(Write(value));

    /// <summary>An instant as the store keeps it (for timestamp columns next to the bodies).</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private sealed class WorkspaceKeyConverter : JsonConverter<WorkspaceKey>
    {
        public override WorkspaceKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            WorkspaceKey.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, WorkspaceKey value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }

    private sealed class UtcMillisecondsConverter : JsonConverter<DateTimeOffset>
    {
        private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.ParseExact(reader.GetString()!, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Truncate(value).UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
