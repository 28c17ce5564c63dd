namespace AccountBot.Tests.Telemetry;

/// <summary>One field: a varint or fixed number in <see cref="Scalar"/>, length-delimited content in <see cref="Bytes"/>.</summary>
internal readonly record struct ProtoField(int Number, ulong Scalar, ReadOnlyMemory<byte> Bytes);
