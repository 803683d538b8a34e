using BalanceClients.Configuration;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.History;

/// <summary>
/// Binds <c>Balances:History</c> with the same care as the other sections: no bare numbers for time spans, no value echoed.
/// </summary>
internal static class HistoryBinding
{
    /// <summary>Binds the section onto the options.</summary>
    /// <param name="section">The <c>Balances:History</c> section.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="BalanceConfigurationException">A value cannot be converted, or a time span is a bare number.</exception>
    public static void Bind(IConfigurationSection section, BalanceHistoryOptions options)
    {
        OptionsBinding.RefuseBareNumbers(section, key => !key.EndsWith($":{nameof(options.Path)}", StringComparison.OrdinalIgnoreCase));
        OptionsBinding.Translate(section, () =>
        {
            options.Path = section.GetValue(nameof(options.Path), options.Path);
            options.RawRetention = section.GetValue(nameof(options.RawRetention), options.RawRetention);
            options.RetentionInterval = section.GetValue(nameof(options.RetentionInterval), options.RetentionInterval);
        });
    }
}
