using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace BalanceClients.Generation.Kiota;

/// <summary>
/// Kiota's parse node, reading JSON as strictly as the NSwag clients' settings (<see cref="GeneratedClientJson"/>) do, so that
/// the layer refuses the same answers whichever client it runs on. Kiota's own <see cref="JsonParseNode"/> reads a value of
/// the wrong type as <see langword="null"/>, rounds an amount beyond a <see cref="decimal"/>'s digits, keeps the last of a
/// key given twice and knows nothing of required properties. This one throws a <see cref="JsonException"/> with the value's
/// path (<c>$.data.balance</c>) where System.Text.Json would: a value of another type, an amount that is not exact
/// (<see cref="InexactAmountException"/>), a key given twice, an unknown enum name, a required property missing or null
/// (<see cref="IRequiredProperties"/>). Unknown properties are kept whole, as <see cref="JsonElement"/>s, as System.Text.Json's
/// extension data keeps them.
/// </summary>
internal sealed class StrictJsonParseNode : IParseNode
{
    private readonly JsonElement _element;
    private readonly string _path;

    /// <summary>Creates a node.</summary>
    /// <param name="element">The value.</param>
    /// <param name="path">Its path from the root, in System.Text.Json's form (<c>$</c>, <c>$.content.balances[1]</c>).</param>
    public StrictJsonParseNode(JsonElement element, string path = "$")
    {
        _element = element;
        _path = path;
    }

    /// <inheritdoc />
    public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

    /// <inheritdoc />
    public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

    /// <summary>Parses a whole body.</summary>
    /// <param name="body">The body.</param>
    /// <returns>Its root node.</returns>
    /// <exception cref="JsonException">The body is empty or not JSON (the reader's error is the inner exception).</exception>
    public static StrictJsonParseNode Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return new StrictJsonParseNode(document.RootElement.Clone());
        }
        catch (JsonException exception)
        {
            // Wrapped as System.Text.Json wraps its reader's errors, so that "not JSON" reads the same from either client.
            throw new JsonException("The body is empty or not JSON.", "$", exception.LineNumber, exception.BytePositionInLine, exception);
        }
    }

    /// <inheritdoc />
    public string? GetStringValue() => _element.ValueKind switch
    {
        JsonValueKind.String => _element.GetString(),
        JsonValueKind.Null => null,
        _ => throw NotA("string"),
    };

    /// <inheritdoc />
    public bool? GetBoolValue() => _element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw NotA("boolean"),
    };

    /// <inheritdoc />
    public byte? GetByteValue() => Number<byte>(_element.TryGetByte, "byte");

    /// <inheritdoc />
    public sbyte? GetSbyteValue() => Number<sbyte>(_element.TryGetSByte, "sbyte");

    /// <inheritdoc />
    public int? GetIntValue() => Number<int>(_element.TryGetInt32, "32-bit integer");

    /// <inheritdoc />
    public long? GetLongValue() => Number<long>(_element.TryGetInt64, "64-bit integer");

    /// <inheritdoc />
    public float? GetFloatValue() => Number<float>(_element.TryGetSingle, "number");

    /// <inheritdoc />
    public double? GetDoubleValue() => Number<double>(_element.TryGetDouble, "number");

    /// <inheritdoc />
    public decimal? GetDecimalValue()
    {
        if (_element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (_element.ValueKind != JsonValueKind.Number)
        {
            throw NotA("number");
        }

        return ExactDecimal.TryParse(_element.GetRawText(), NumberStyles.Float, out var value)
            ? value
            : throw new InexactAmountException("An amount has more digits than a decimal holds exactly.", _path);
    }

    /// <inheritdoc />
    public T? GetEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum => _element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when EnumNames<T>.TryParse(_element.GetString()!, out var value) => value,
        _ => throw Invalid($"The value is not a {typeof(T).Name}."),
    };

    /// <inheritdoc />
    public T GetObjectValue<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (typeof(T) == typeof(UntypedNode))
        {
            // Untyped ("any" in the spec): Kiota's own reading, once no key in it is given twice.
            ThrowIfKeyGivenTwice(_element, _path);
            return new JsonParseNode(_element).GetObjectValue(factory);
        }

        if (_element.ValueKind == JsonValueKind.Null)
        {
            return default!;
        }

        var item = factory(this);
        var fields = item.GetFieldDeserializers();
        if (_element.ValueKind != JsonValueKind.Object)
        {
            // A model with no properties of its own (a free-form object) is "any value" to NSwag's clients, which read it as object.
            return fields.Count == 0 ? item : throw NotA("object");
        }

        OnBeforeAssignFieldValues?.Invoke(item);
        Assign(item, fields);
        OnAfterAssignFieldValues?.Invoke(item);
        return item;
    }

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        var items = new List<T>();
        var index = 0;
        foreach (var element in Elements())
        {
            items.Add(Child(element, $"[{index++}]").GetObjectValue(factory));
        }

        return items;
    }

    /// <inheritdoc />
    public IEnumerable<T?> GetCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum
    {
        var items = new List<T?>();
        var index = 0;
        foreach (var element in Elements())
        {
            items.Add(Child(element, $"[{index++}]").GetEnumValue<T>());
        }

        return items;
    }

    // No spec has a list of plain values, dates, times, identifiers or bytes: those are Kiota's own reading, of a value of the right kind.

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfPrimitiveValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() =>
        _element.ValueKind == JsonValueKind.Array ? new JsonParseNode(_element).GetCollectionOfPrimitiveValues<T>() : throw NotA("array");

    /// <inheritdoc />
    public Guid? GetGuidValue() => Text()?.GetGuidValue();

    /// <inheritdoc />
    public DateTimeOffset? GetDateTimeOffsetValue() => Text()?.GetDateTimeOffsetValue();

    /// <inheritdoc />
    public TimeSpan? GetTimeSpanValue() => Text()?.GetTimeSpanValue();

    /// <inheritdoc />
    public Date? GetDateValue() => Text()?.GetDateValue();

    /// <inheritdoc />
    public Time? GetTimeValue() => Text()?.GetTimeValue();

    /// <inheritdoc />
    public byte[]? GetByteArrayValue() => Text()?.GetByteArrayValue();

    /// <inheritdoc />
    public IParseNode? GetChildNode(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return _element.ValueKind == JsonValueKind.Object && _element.TryGetProperty(identifier, out var value)
            ? Child(value, Member(identifier))
            : null;
    }

    private static string Member(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? "." + name : $"['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    // A key given twice anywhere in a value kept whole is reported at the value, as System.Text.Json reports it.
    private static void ThrowIfKeyGivenTwice(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!names.Add(property.Name))
                {
                    throw new JsonException("A key is given twice.", path, null, null);
                }

                ThrowIfKeyGivenTwice(property.Value, path);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                ThrowIfKeyGivenTwice(item, path);
            }
        }
    }

    private void Assign(IParsable item, IDictionary<string, Action<IParseNode>> fields)
    {
        var required = (item as IRequiredProperties)?.RequiredProperties ?? [];
        var extra = item is IAdditionalDataHolder holder
            ? holder.AdditionalData ??= new Dictionary<string, object>(StringComparer.Ordinal)
            : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            var member = Member(property.Name);
            var known = fields.TryGetValue(property.Name, out var read);
            if (!known && extra is null)
            {
                continue;
            }

            if (!seen.Add(property.Name))
            {
                throw new JsonException("A key is given twice.", _path + member, null, null);
            }

            if (!known)
            {
                ThrowIfKeyGivenTwice(property.Value, _path + member);
                extra![property.Name] = property.Value;
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                read!(Child(property.Value, member));
            }
            else if (required.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new JsonException($"The required property '{property.Name}' is null.", _path + member, null, null);
            }
        }

        if (required.FirstOrDefault(name => !seen.Contains(name)) is { } missing)
        {
            throw new JsonException($"The required property '{missing}' is missing.", _path, null, null);
        }
    }

    private StrictJsonParseNode Child(JsonElement element, string member) => new(element, _path + member)
    {
        OnBeforeAssignFieldValues = OnBeforeAssignFieldValues,
        OnAfterAssignFieldValues = OnAfterAssignFieldValues,
    };

    private JsonElement.ArrayEnumerator Elements() =>
        _element.ValueKind == JsonValueKind.Array ? _element.EnumerateArray() : throw NotA("array");

    private T? Number<T>(TryGet<T> read, string what)
        where T : struct => _element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when read(out var value) => value,
        _ => throw NotA(what),
    };

    private JsonParseNode? Text() => _element.ValueKind switch
    {
        JsonValueKind.String => new JsonParseNode(_element),
        JsonValueKind.Null => null,
        _ => throw NotA("string"),
    };

    private JsonException NotA(string what) => Invalid($"The value is not a {what}.");

    private JsonException Invalid(string message) => new(message, _path, null, null);

    private delegate bool TryGet<T>(out T value);
}
