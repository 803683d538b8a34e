using BalanceClients;
using BalanceClients.Configuration;
using BalanceClients.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the balance monitor: a hosted service that checks every account on a schedule.</summary>
public static class BalanceMonitorServiceCollectionExtensions
{
    /// <summary>
    /// Registers BalanceClients (as <c>AddBalanceClients(configuration)</c> does) and the monitor, with
    /// <see cref="BalanceMonitorOptions"/> bound from <c>Balances:Monitor</c>: <see cref="IBalanceMonitor"/>, and the
    /// <see cref="BalanceMonitor"/> hosted service that a host starts and stops.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBalanceMonitor(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddBalanceClients(configuration);
        services.AddOptions<BalanceMonitorOptions>()
            .BindSection(configuration, ConfigurationKeys.Monitor, static (section, options) => section.Bind(options));
        return services.AddBalanceMonitorCore();
    }

    /// <summary>
    /// Registers the monitor with options made in code; BalanceClients must be registered too (<c>AddBalanceClients</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBalanceMonitor(this IServiceCollection services, Action<BalanceMonitorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BalanceMonitorOptions>().Configure(configure ?? (_ => { }));
        return services.AddBalanceMonitorCore();
    }

    private static IServiceCollection AddBalanceMonitorCore(this IServiceCollection services)
    {
        services.AddSectionOptions<BalanceMonitorOptions, BalanceMonitorOptionsValidator>(ConfigurationKeys.Monitor);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<BalanceMonitorOptions>, BalanceMonitorOptionsCustomValidator>());
        services.AddMetrics();
        services.TryAddSingleton<IMonitorLeadership>(SoleLeadership.Instance);
        services.TryAddSingleton(provider => new BalanceMonitor(
            provider.GetRequiredService<IBalanceChecker>(),
            provider.GetRequiredService<IOptionsMonitor<BalanceMonitorOptions>>(),
            provider.GetRequiredService<IOptionsMonitor<BalanceCheckerOptions>>(),
            provider.GetServices<IBalanceReadingObserver>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<BalanceMonitor>>(),
            provider.GetRequiredService<IMonitorLeadership>(),
            provider.GetService<IStoredReadings>()));
        services.TryAddSingleton<IBalanceMonitor>(provider => provider.GetRequiredService<BalanceMonitor>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IHostedService, BalanceMonitor>(provider => provider.GetRequiredService<BalanceMonitor>()));
        return services;
    }
}
