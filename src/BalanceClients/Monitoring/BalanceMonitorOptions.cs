namespace BalanceClients.Monitoring;

/// <summary>How often a monitor checks each account (configuration <c>Balances:Monitor</c>).</summary>
public sealed class BalanceMonitorOptions
{
    /// <summary>How often each account is checked, unless its provider sets its own (<c>Providers:&lt;id&gt;:Interval</c>).</summary>
    /// <value>The default value is 5 minutes; from 10 seconds to 1 day. Each interval is jittered by up to 10%.</value>
    public TimeSpan Interval { get; set; } = MonitorDefaults.Interval;

    /// <summary>Intervals by provider id, for providers checked more or less often than the others.</summary>
    public IDictionary<string, TimeSpan> ProviderIntervals { get; } = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The interval of a provider's accounts.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <returns>Its own interval, or <see cref="Interval"/>.</returns>
    public TimeSpan IntervalOf(string providerId) => ProviderIntervals.TryGetValue(providerId, out var interval) ? interval : Interval;
}
