namespace AccountBot.Tests.Telemetry;

/// <summary>
/// Just enough of the protobuf wire format to walk OTLP messages field by field: the receiver reads names, attributes
/// and trace ids, and skips the rest, so the test needs no generated OpenTelemetry.Proto classes.
/// </summary>
internal static class ProtoFields
{
    public static IEnumerable<ProtoField> Read(ReadOnlyMemory<byte> message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message.Span, ref at);
            var number = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    yield return new ProtoField(number, Varint(message.Span, ref at), default);
                    break;
                case 1:
                    yield return new ProtoField(number, BitConverter.ToUInt64(message.Span.Slice(at, 8)), message.Slice(at, 8));
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(message.Span, ref at);
                    yield return new ProtoField(number, 0, message.Slice(at, length));
                    at += length;
                    break;
                case 5:
                    yield return new ProtoField(number, BitConverter.ToUInt32(message.Span.Slice(at, 4)), message.Slice(at, 4));
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"Wire type {key & 7} of field {number} is not one OTLP uses.");
            }
        }
    }

    /// <summary>The sub-messages (or strings, bytes) in field <paramref name="number"/>.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> All(ReadOnlyMemory<byte> message, int number) =>
        Read(message).Where(f => f.Number == number).Select(f => f.Bytes);

    public static string Text(ReadOnlyMemory<byte> message, int number) =>
        Read(message).Where(f => f.Number == number).Select(f => System.Text.Encoding.UTF8.GetString(f.Bytes.Span)).LastOrDefault() ?? "";

    /// <summary>OTLP <c>KeyValue</c>s (key 1, <c>AnyValue</c> 2) as text: strings as they are, numbers and booleans in invariant form.</summary>
    public static Dictionary<string, string> Attributes(ReadOnlyMemory<byte> message, int number)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in All(message, number))
        {
            var value = Read(All(pair, 2).FirstOrDefault()).FirstOrDefault();
            attributes[Text(pair, 1)] = value.Number switch
            {
                1 => System.Text.Encoding.UTF8.GetString(value.Bytes.Span),
                2 => value.Scalar != 0 ? "true" : "false",
                3 => ((long)value.Scalar).ToString(System.Globalization.CultureInfo.InvariantCulture),
                4 => BitConverter.UInt64BitsToDouble(value.Scalar).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "",
            };
        }

        return attributes;
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = span[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
    }
}
