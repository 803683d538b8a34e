using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BalanceClients.Generation;

/// <summary>
/// The JSON settings of every generated client (NSwag's <c>jsonSerializerSettingsTransformationMethod</c>), so that a
/// generated client reads exactly what its spec says, used through the unified layer or on its own; and the calls the
/// clients make through them (from build/nswag/templates), all on source-generated metadata, none by reflection.
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
        // A null where the spec allows none is an answer that does not fit it; so is a missing required property ([JsonRequired]).
        options.RespectNullableAnnotations = true;
        // A key given twice is ambiguous: which amount is the balance? Refused, never last-one-wins.
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new ExactDecimalConverter());
        // Nothing but the source-generated context: no reflection fallback (Native AOT), so a type it lacks fails loudly.
        options.TypeInfoResolver = GeneratedClientJsonContext.Default;
        return options;
    }

    /// <summary>The settings' metadata for a type, which the generated clients read and write through.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="options">The generated client's settings.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="NotSupportedException">The settings' resolver has no metadata for <typeparamref name="T"/>.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    /// <summary>
    /// The body of an NSwag client's error answer, read as the provider's error type: the typed body of a status the spec
    /// documents with that type, the body of one it leaves untyped ("any"), or the text of one it does not document.
    /// </summary>
    /// <typeparam name="T">The provider's error type.</typeparam>
    /// <param name="answer">The error answer.</param>
    /// <returns>The error body, or <see langword="null"/> if there is none.</returns>
    /// <exception cref="JsonException">The body is not the error type's JSON.</exception>
    public static T? ErrorBody<T>(ApiException answer)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.ErrorBody switch
        {
            T typed => typed,
            JsonElement untyped => untyped.Deserialize(TypeInfo<T>(Options)),
            _ when !string.IsNullOrWhiteSpace(answer.Response) => JsonSerializer.Deserialize(answer.Response, TypeInfo<T>(Options)),
            _ => null,
        };
    }

    /// <summary>A request body as UTF-8 JSON, through its metadata.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="options">The generated client's settings.</param>
    /// <returns>The JSON.</returns>
    public static byte[] SerializeToUtf8Bytes<T>(T value, JsonSerializerOptions options) =>
        JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>(options));

    /// <summary>A path, query or header parameter as text: an enum by its spec name, a list comma-separated.</summary>
    /// <param name="value">The parameter's value.</param>
    /// <param name="culture">The culture of numbers and dates.</param>
    /// <param name="options">The generated client's settings.</param>
    /// <returns>The text; empty for <see langword="null"/>.</returns>
    public static string ToParameterText(object? value, CultureInfo culture, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return value switch
        {
            null => string.Empty,
            string text => text,
            bool flag => flag ? "true" : "false",
            byte[] bytes => Convert.ToBase64String(bytes),
            Enum => JsonSerializer.SerializeToElement(value, options.GetTypeInfo(value.GetType())).ToString(),
            IEnumerable items => string.Join(',', items.Cast<object?>().Select(item => ToParameterText(item, culture, options))),
            IFormattable formattable => formattable.ToString(null, culture),
            _ => value.ToString() ?? string.Empty,
        };
    }
}
