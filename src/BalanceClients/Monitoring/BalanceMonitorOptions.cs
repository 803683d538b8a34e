using BalanceClients.Configuration;

namespace BalanceClients.Monitoring;

/// <summary>How often a monitor checks each account (configuration <c>Balances:Monitor</c>).</summary>
public sealed class BalanceMonitorOptions
{
    /// <summary>
    /// How often each account is checked (<c>Balances:Monitor:Interval</c>), unless its provider has its own in
    /// <see cref="ProviderIntervals"/>.
    /// </summary>
    /// <value>The default value is 5 minutes; from 10 seconds to 1 day. Each interval is jittered by up to ±10%.</value>
    [SettingRange(MonitorDefaults.MinInterval, MonitorDefaults.MaxInterval)]
    public TimeSpan Interval { get; set; } = MonitorDefaults.Interval;

    /// <summary>
    /// Intervals by provider id (<c>Balances:Monitor:ProviderIntervals:&lt;id&gt;</c>), for providers checked more or less often
    /// than the others.
    /// </summary>
    /// <value>Empty by default; each interval from 10 seconds to 1 day, for a known provider id.</value>
    public IDictionary<string, TimeSpan> ProviderIntervals { get; } = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The interval of a provider's accounts.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <returns>Its own interval, or <see cref="Interval"/>.</returns>
    public TimeSpan IntervalOf(string providerId) => ProviderIntervals.TryGetValue(providerId, out var interval) ? interval : Interval;
}
