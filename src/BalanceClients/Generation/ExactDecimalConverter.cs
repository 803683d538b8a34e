using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalanceClients.Generation;

/// <summary>
/// Reads a JSON number into a <see cref="decimal"/> only when it fits exactly; a number the decimal would round is an error.
/// </summary>
internal sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    private const NumberStyles Style = NumberStyles.Float;

    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("Expected a number for an amount.");
        }

        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        Span<char> text = raw.Length <= 128 ? stackalloc char[raw.Length] : new char[raw.Length];
        Encoding.ASCII.GetChars(raw, text);
        return ExactDecimal.TryParse(text, Style, out var value) ? value : throw new InexactAmountException();
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}
