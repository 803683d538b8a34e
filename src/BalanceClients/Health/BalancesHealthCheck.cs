using BalanceClients.Monitoring;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BalanceClients.Health;

/// <summary>
/// Reports from a monitor's latest readings, never calling a provider: a critical or failing account is the registration's
/// failure status (<see cref="HealthStatus.Unhealthy"/> unless it says otherwise), a warning or an amount that cannot be
/// compared with its threshold is <see cref="HealthStatus.Degraded"/>, and every account at <c>ok</c> is healthy.
/// </summary>
/// <param name="monitor">The monitor whose readings are reported.</param>
internal sealed class BalancesHealthCheck(IBalanceMonitor monitor) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var readings = monitor.Readings;
        var data = readings.ToDictionary(
            r => $"{r.Provider}/{r.Account}", r => (object)(r.IsStale ? "failing" : r.Level.ToContractName()), StringComparer.Ordinal);
        var failing = readings.Where(r => r.IsStale || r.Level == BalanceLevel.Critical).ToList();
        var degraded = readings.Where(r => !r.IsStale && r.Level is BalanceLevel.Warning or BalanceLevel.Unknown).ToList();
        var result = failing.Count > 0
            ? new HealthCheckResult(context.Registration.FailureStatus, $"Critical or failing: {Names(failing)}.", data: data)
            : degraded.Count > 0
                ? HealthCheckResult.Degraded($"Warning: {Names(degraded)}.", data: data)
                : monitor.IsReady
                    ? HealthCheckResult.Healthy($"{readings.Count} account(s) ok.", data)
                    : HealthCheckResult.Degraded("Not every account has been checked yet.", data: data);
        return Task.FromResult(result);
    }

    private static string Names(List<BalanceReading> readings) => string.Join(", ", readings.Select(r => $"{r.Provider}/{r.Account}"));
}
