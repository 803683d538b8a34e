using BalanceClients;
using BalanceClients.Health;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the balances health check.</summary>
public static class BalancesHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check that reports from <see cref="IBalanceMonitor"/>'s latest readings (register it with
    /// <c>AddBalanceMonitor</c>): a critical or failing account is <paramref name="failureStatus"/>, a warning is degraded.
    /// With the history recorded (<c>AddBalanceHistory</c>), a runway shorter than a threshold's <c>RunwayCritical</c> is
    /// <paramref name="failureStatus"/> too, and one shorter than its <c>RunwayWarning</c> is degraded. It never calls a provider.
    /// </summary>
    /// <remarks>
    /// A low balance or a provider's outage is not the application's own failure: by default it is
    /// <see cref="HealthStatus.Degraded"/>, which ASP.NET Core's health endpoints answer with <c>200</c>, so that a readiness probe
    /// does not take the application out of its load balancer for it. Pass <see cref="HealthStatus.Unhealthy"/> to have it
    /// answered with <c>503</c>. (<c>MapBalanceEndpoints()</c>'s <c>/health</c> answers as <c>balances serve</c> does, critical
    /// being unhealthy, whatever this registration says.)
    /// </remarks>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">
    /// The status of a critical or failing account; <see langword="null"/> for <see cref="HealthStatus.Degraded"/>.
    /// </param>
    /// <param name="tags">The check's tags, to filter it by.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddBalances(
        this IHealthChecksBuilder builder,
        string name = "balances",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            services => new BalancesHealthCheck(
                services.GetRequiredService<IBalanceMonitor>(),
                () => services.GetRequiredService<IBalanceChecker>().Thresholds,
                services.GetService<LatestRunways>()),
            failureStatus ?? HealthStatus.Degraded,
            tags));
    }
}
