using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalanceClients.Generation;

/// <summary>
/// Reads and writes an enum by its names on the wire (<see cref="EnumNames{TEnum}"/>), exactly; an unknown name is an error.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class EnumMemberConverter<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>
    : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(TEnum).Name}.");
        }

        var name = reader.GetString()!;
        return EnumNames<TEnum>.TryParse(name, out var value) ? value : throw new JsonException($"'{name}' is not a {typeof(TEnum).Name}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(
            EnumNames<TEnum>.TryGetName(value, out var name) ? name : throw new JsonException($"{value} is not a {typeof(TEnum).Name}."));
    }
}
