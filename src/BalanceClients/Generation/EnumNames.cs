using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Serialization;

namespace BalanceClients.Generation;

/// <summary>
/// An enum's names on the wire, as its <see cref="EnumMemberAttribute"/>s give them (the spec's names, which both generators
/// put there), matched exactly: how every generated client's enums are read and written.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
// Its fields are read by reflection: PublicFields keeps them (and their [EnumMember]s) under trimming and Native AOT.
internal static class EnumNames<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = typeof(TEnum)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToDictionary(
            f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name,
            f => (TEnum)f.GetValue(null)!,
            StringComparer.Ordinal);

    private static readonly Dictionary<TEnum, string> ByValue = ByName.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>The names.</summary>
    public static IReadOnlyCollection<string> All => ByName.Keys;

    /// <summary>Finds the value of a wire name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns>Whether the name is one of the enum's.</returns>
    public static bool TryParse(string name, out TEnum value) => ByName.TryGetValue(name, out value);

    /// <summary>Finds the wire name of a value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">The name, when the value is one of the enum's.</param>
    /// <returns>Whether it is.</returns>
    public static bool TryGetName(TEnum value, [NotNullWhen(true)] out string? name) => ByValue.TryGetValue(value, out name);

    /// <summary>The wire name of a value.</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <returns>Its name (the member's name for a value outside the enum), or <see langword="null"/> for none.</returns>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? NameOf(TEnum? value) =>
        value is { } known ? TryGetName(known, out var name) ? name : known.ToString() : null;
}
