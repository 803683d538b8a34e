using BalanceClients.Configuration;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Monitoring;

/// <summary>
/// Binds <c>Balances:Monitor</c>, with the same care as the checker's options: no bare numbers for time spans, no value echoed.
/// </summary>
internal static class MonitorBinding
{
    /// <summary>Binds the section onto the options.</summary>
    /// <param name="section">The <c>Balances:Monitor</c> section.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="BalanceConfigurationException">A value cannot be converted, or a time span is a bare number.</exception>
    public static void Bind(IConfigurationSection section, BalanceMonitorOptions options)
    {
        // Every value of this section is a time span.
        OptionsBinding.RefuseBareNumbers(section, _ => true);
        OptionsBinding.Translate(section, () =>
        {
            options.Interval = section.GetValue(nameof(options.Interval), options.Interval);
            section.GetSection(nameof(options.ProviderIntervals)).Bind(options.ProviderIntervals);
        });
    }
}
