using System.ComponentModel.DataAnnotations;

namespace BalanceClients.Configuration;

/// <summary>How a validation message names the setting a property holds.</summary>
internal static class SettingName
{
    /// <summary>
    /// The setting's name: its configuration key (<c>Balances:Providers:telnyx:Resilience:AttemptTimeout</c>) when the validator was
    /// handed its section's path, as the library's registrations do; otherwise the generator's <c>Type.Member</c>
    /// (<c>BalanceStoreOptions.RawRetention</c>), for options made in code and handed to a method.
    /// </summary>
    /// <param name="context">The context a source-generated validator made: its display name is the name it was handed, a dot
    /// and the member, and a nested object's members add their own dot.</param>
    /// <returns>The name.</returns>
    public static string Of(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.DisplayName;
        return IsConfigurationPath(name) ? name.Replace('.', ':') : name;
    }

    // A type's name is never "Balances" followed by a separator, and no key of the Balances section holds a dot.
    private static bool IsConfigurationPath(string name) =>
        name.StartsWith(ConfigurationKeys.Section, StringComparison.Ordinal)
        && name.Length > ConfigurationKeys.Section.Length
        && name[ConfigurationKeys.Section.Length] is ':' or '.';
}
