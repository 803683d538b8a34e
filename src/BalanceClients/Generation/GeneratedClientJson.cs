using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BalanceClients.Generation;

/// <summary>
/// The JSON settings of every generated client (NSwag's <c>jsonSerializerSettingsTransformationMethod</c>), so that a
/// generated client reads exactly what its spec says, used through the unified layer or on its own.
/// </summary>
internal static class GeneratedClientJson
{
    /// <summary>The settings, for reading a provider's bodies outside its generated client.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    /// <summary>Applies the settings.</summary>
    /// <param name="options">The generated client's serializer options.</param>
    /// <returns>The same options.</returns>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A null where the spec allows none, and a missing required property, are answers that do not fit the spec.
        options.RespectNullableAnnotations = true;
        // A key given twice is ambiguous: which amount is the balance? Refused, never last-one-wins.
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new ExactDecimalConverter());
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ApplySpecRules } };
        return options;
    }

    private static readonly MethodInfo CreateEnumConverterMethod =
        typeof(GeneratedClientJson).GetMethod(nameof(CreateEnumConverter), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static JsonConverter CreateEnumConverter<TEnum>(bool nullable)
        where TEnum : struct, Enum =>
        nullable ? new NullableEnumMemberConverter<TEnum>() : new EnumMemberConverter<TEnum>();

    private static void ApplySpecRules(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            // NSwag marks required reference properties with [Required]; required value properties are the ones it did not make
            // nullable (optional ones are, with generateOptionalPropertiesAsNullable).
            var isRequiredValue = property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null;
            if (isRequiredValue || property.AttributeProvider?.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), inherit: false) == true)
            {
                property.IsRequired = true;
            }

            // NSwag marks enum properties with JsonStringEnumConverter, which ignores the spec's names in [EnumMember].
            var enumType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (enumType.IsEnum && enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsDefined(typeof(EnumMemberAttribute))))
            {
                property.CustomConverter = (JsonConverter)CreateEnumConverterMethod.MakeGenericMethod(enumType)
                    .Invoke(null, [property.PropertyType != enumType])!;
            }
        }
    }
}
