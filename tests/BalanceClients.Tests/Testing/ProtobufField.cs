namespace BalanceClients.Tests.Testing;

/// <summary>One field of a protobuf message: its number, its wire type, and its value (a varint, or the bytes).</summary>
internal readonly record struct ProtobufField(int Number, int WireType, ulong Varint, ReadOnlyMemory<byte> Bytes);
