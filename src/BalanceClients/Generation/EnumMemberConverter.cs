using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalanceClients.Generation;

/// <summary>
/// Reads and writes an enum by the names its <see cref="EnumMemberAttribute"/>s give, exactly; an unknown name is an error.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
// Its fields are read by reflection: PublicFields keeps them (and their [EnumMember]s) under trimming and Native AOT.
internal sealed class EnumMemberConverter<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>
    : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = typeof(TEnum)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToDictionary(
            f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name,
            f => (TEnum)f.GetValue(null)!,
            StringComparer.Ordinal);

    private static readonly Dictionary<TEnum, string> ByValue = ByName.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>The names the enum's values have on the wire.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>Finds the value of a wire name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns>Whether the name is one of the enum's.</returns>
    public static bool TryParse(string name, out TEnum value) => ByName.TryGetValue(name, out value);

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(TEnum).Name}.");
        }

        var name = reader.GetString()!;
        return ByName.TryGetValue(name, out var value) ? value : throw new JsonException($"'{name}' is not a {typeof(TEnum).Name}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(
            ByValue.TryGetValue(value, out var name) ? name : throw new JsonException($"{value} is not a {typeof(TEnum).Name}."));
    }
}
