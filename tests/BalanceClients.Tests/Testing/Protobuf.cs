namespace BalanceClients.Tests.Testing;

/// <summary>
/// Just enough of protobuf's wire format to read what an OTLP exporter sends (OpenTelemetry.Proto is not served): a message is a
/// list of fields, each a number, a wire type and a value; a nested message, a string or bytes is a length-delimited field.
/// </summary>
internal static class Protobuf
{
    private const int VarintType = 0;
    private const int Fixed64Type = 1;
    private const int LengthDelimitedType = 2;
    private const int Fixed32Type = 5;

    /// <summary>The fields of a message, in order.</summary>
    public static List<ProtobufField> Fields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<ProtobufField>();
        var position = 0;
        while (position < message.Length)
        {
            var key = Varint(message.Span, ref position);
            var number = (int)(key >> 3);
            var wireType = (int)(key & 7);
            switch (wireType)
            {
                case VarintType:
                    fields.Add(new ProtobufField(number, wireType, Varint(message.Span, ref position), default));
                    break;
                case Fixed64Type or Fixed32Type:
                    var size = wireType == Fixed64Type ? 8 : 4;
                    fields.Add(new ProtobufField(number, wireType, 0, message.Slice(position, size)));
                    position += size;
                    break;
                case LengthDelimitedType:
                    var length = checked((int)Varint(message.Span, ref position));
                    fields.Add(new ProtobufField(number, wireType, 0, message.Slice(position, length)));
                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"Wire type {wireType} of field {number} is not one protobuf has.");
            }
        }

        return fields;
    }

    /// <summary>Every nested message (or string, or bytes) of a field number.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Messages(ReadOnlyMemory<byte> message, int number) =>
        Fields(message).Where(field => field.Number == number && field.WireType == LengthDelimitedType).Select(field => field.Bytes);

    /// <summary>The messages at the end of a path of field numbers: (1, 2) is every field 2 of every field 1.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Path(ReadOnlyMemory<byte> message, params int[] numbers) =>
        numbers.Aggregate(
            (IEnumerable<ReadOnlyMemory<byte>>)[message],
            (messages, number) => messages.SelectMany(inner => Messages(inner, number)));

    /// <summary>A string field, or <see langword="null"/>.</summary>
    public static string? String(ReadOnlyMemory<byte> message, int number) =>
        Messages(message, number).Select(bytes => System.Text.Encoding.UTF8.GetString(bytes.Span)).FirstOrDefault();

    /// <summary>A varint field (an enum, an integer), or <see langword="null"/>.</summary>
    public static ulong? Number(ReadOnlyMemory<byte> message, int number) =>
        Fields(message)
            .Where(field => field.Number == number && field.WireType == VarintType)
            .Select(field => (ulong?)field.Varint)
            .FirstOrDefault();

    /// <summary>A bytes field as lower-case hex (an OTLP trace or span id), or <see langword="null"/>.</summary>
    public static string? Hex(ReadOnlyMemory<byte> message, int number) =>
        Messages(message, number).Select(bytes => Convert.ToHexStringLower(bytes.Span)).FirstOrDefault();

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var next = bytes[position++];
            value |= (ulong)(next & 0x7f) << shift;
            if ((next & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("A varint longer than 10 bytes.");
    }
}
