using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BalanceClients.Health;

/// <summary>
/// Reports from a monitor's latest readings, never calling a provider: a critical or failing account, or a runway shorter than
/// its <see cref="BalanceThreshold.RunwayCritical"/>, is the registration's failure status (<see cref="HealthStatus.Unhealthy"/>
/// unless it says otherwise); a warning, an amount that cannot be compared with its threshold, or a runway shorter than its
/// <see cref="BalanceThreshold.RunwayWarning"/> is <see cref="HealthStatus.Degraded"/>; every account at <c>ok</c> is healthy.
/// </summary>
/// <param name="monitor">The monitor whose readings are reported.</param>
/// <param name="thresholds">The thresholds, for the runway horizons.</param>
/// <param name="runways">The latest runways, when the readings are recorded.</param>
internal sealed class BalancesHealthCheck(IBalanceMonitor monitor, Func<BalanceThresholds> thresholds, LatestRunways? runways)
    : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var readings = monitor.Readings;
        var horizons = thresholds();
        var states = readings.Select(reading => new AccountState(reading, RunwayLevel(horizons, reading))).ToList();
        var data = states.ToDictionary(s => s.Name, s => (object)s.Describe(), StringComparer.Ordinal);
        var failing = states.Where(s => s.IsFailing).ToList();
        var degraded = states.Where(s => !s.IsFailing && s.IsDegraded).ToList();
        var result = failing.Count > 0
            ? new HealthCheckResult(context.Registration.FailureStatus, $"Critical or failing: {Names(failing)}.", data: data)
            : degraded.Count > 0
                ? HealthCheckResult.Degraded($"Warning: {Names(degraded)}.", data: data)
                : monitor.IsReady
                    ? HealthCheckResult.Healthy($"{readings.Count} account(s) ok.", data)
                    : HealthCheckResult.Degraded("Not every account has been checked yet.", data: data);
        return Task.FromResult(result);
    }

    private BalanceLevel RunwayLevel(BalanceThresholds horizons, BalanceReading reading) =>
        runways?.Of(reading.Provider, reading.Account) is { } runway
            ? horizons.RunwayLevelOf(reading.Provider, reading.Account, runway.Remaining)
            : BalanceLevel.Ok;

    private static string Names(List<AccountState> states) => string.Join(", ", states.Select(s => s.Name));

    private sealed record AccountState(BalanceReading Reading, BalanceLevel RunwayLevel)
    {
        public string Name => $"{Reading.Provider}/{Reading.Account}";

        public bool IsFailing => Reading.IsStale || Reading.Level == BalanceLevel.Critical || RunwayLevel == BalanceLevel.Critical;

        public bool IsDegraded => Reading.Level is BalanceLevel.Warning or BalanceLevel.Unknown || RunwayLevel == BalanceLevel.Warning;

        public string Describe() =>
            (Reading.IsStale ? "failing" : Reading.Level.ToContractName())
            + (RunwayLevel == BalanceLevel.Ok ? string.Empty : $"; runway {RunwayLevel.ToContractName()}");
    }
}
