using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalanceClients.Generation;

/// <summary><see cref="EnumMemberConverter{TEnum}"/> for an optional enum property; a JSON null is handled by the serializer.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class NullableEnumMemberConverter<TEnum> : JsonConverter<TEnum?>
    where TEnum : struct, Enum
{
    private static readonly EnumMemberConverter<TEnum> Inner = new();

    /// <inheritdoc />
    public override TEnum? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Inner.Read(ref reader, typeof(TEnum), options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum? value, JsonSerializerOptions options) =>
        Inner.Write(writer, value!.Value, options);
}
