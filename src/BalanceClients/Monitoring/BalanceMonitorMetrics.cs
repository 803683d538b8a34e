using System.Diagnostics.Metrics;
using BalanceClients.Diagnostics;

namespace BalanceClients.Monitoring;

/// <summary>
/// The monitor's readings as OpenTelemetry-ready gauges on the <c>BalanceClients</c> meter, named and attributed as the families
/// of <c>/metrics</c>: <c>balances.amount</c> (every amount of the last good balance), <c>balances.level</c> (each account's
/// level, 0 ok to 3 unknown), <c>balances.schedule.lag</c> (how far behind its schedule the monitor runs, in seconds) and
/// <c>balances.leader</c> (1 where this process leads the monitor, 0 where it follows another replica).
/// </summary>
internal static class BalanceMonitorMetrics
{
    /// <summary>Creates the gauges over a monitor's readings.</summary>
    /// <param name="meterFactory">The meter factory of the monitor's container.</param>
    /// <param name="monitor">The monitor.</param>
    /// <param name="scheduleLag">How far behind its schedule the monitor runs, in seconds.</param>
    /// <param name="isLeader">Whether this process leads the monitor.</param>
    public static void Observe(IMeterFactory meterFactory, IBalanceMonitor monitor, Func<double> scheduleLag, Func<bool> isLeader)
    {
        var meter = meterFactory.Create(BalanceTelemetry.Name);
        meter.CreateObservableGauge(
            "balances.amount",
            () => Amounts(monitor.Readings),
            description: "Amount of an account's last good balance, by kind and currency.");
        meter.CreateObservableGauge(
            "balances.level",
            () => monitor.Readings.Select(reading => new Measurement<int>((int)reading.Level, Account(reading))),
            description: "An account's level: 0 ok, 1 warning, 2 critical, 3 unknown.");
        meter.CreateObservableGauge(
            "balances.schedule.lag",
            scheduleLag,
            unit: "s",
            description: "How far behind its schedule the monitor runs: the longest an account's check ran past its due time.");
        meter.CreateObservableGauge(
            "balances.leader",
            () => isLeader() ? 1 : 0,
            description: "1 where this process leads the monitor (checks providers, sends notifications), 0 where it follows another.");
    }

    // Metrics are doubles: an amount beyond a double's precision is rounded here, and only here (the JSON and Prometheus text stay exact).
    private static IEnumerable<Measurement<double>> Amounts(IReadOnlyList<BalanceReading> readings) =>
        from reading in readings
        from amount in reading.LastGood?.Amounts ?? []
        where amount.Amount is not null
        select new Measurement<double>(
            (double)amount.Amount!.Value,
            [
                .. Account(reading),
                new(BalanceTelemetry.KindTag, amount.Kind),
                new(BalanceTelemetry.CurrencyTag, amount.Currency),
                new(BalanceTelemetry.PrimaryTag, amount.IsPrimary ? "true" : "false"),
            ]);

    private static KeyValuePair<string, object?>[] Account(BalanceReading reading) =>
        [new(BalanceTelemetry.ProviderTag, reading.Provider), new(BalanceTelemetry.AccountTag, reading.Account)];
}
