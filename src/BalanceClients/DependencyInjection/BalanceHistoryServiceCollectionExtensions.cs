using BalanceClients.Configuration;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the history of balances: a store that records every reading of the monitor.</summary>
public static class BalanceHistoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the history with <see cref="BalanceHistoryOptions"/> bound from <c>Balances:History</c> (<c>Path</c>,
    /// <c>RawRetention</c>, <c>RetentionInterval</c>); see the other overload for what it registers.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration.</param>
    /// <param name="configure">Sets options after the configuration (a path given on a command line, say); optional.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBalanceHistory(
        this IServiceCollection services, IConfiguration configuration, Action<BalanceHistoryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BalanceHistoryOptions>()
            .BindSection(configuration, ConfigurationKeys.History, static (section, options) => section.Bind(options));
        return services.AddBalanceHistory(configure ?? (_ => { }));
    }

    /// <summary>
    /// Registers the history with options made in code: <see cref="BalanceHistory"/> (the store, opened when the host starts, closed
    /// with the service provider), an <see cref="IBalanceReadingObserver"/> that records every successful reading of the monitor
    /// (<c>AddBalanceMonitor</c>) and then estimates its runway into <see cref="LatestRunways"/> (which the health check and
    /// <c>balances serve</c> read), and a hosted service that applies the store's retention every
    /// <see cref="BalanceHistoryOptions.RetentionInterval"/>. A reading that cannot be recorded is logged; the monitor goes on. The store
    /// may be shared by several processes (replicas of one service on a PostgreSQL database, or two processes on one SQLite file): the
    /// store's election, run for the host's lifetime, lets one of them lead the monitor, and the others follow the store's readings.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="BalanceHistoryOptions.Path"/> is required.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBalanceHistory(this IServiceCollection services, Action<BalanceHistoryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSectionOptions<BalanceHistoryOptions, BalanceHistoryOptionsValidator>(ConfigurationKeys.History).Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<BalanceHistory>();
        services.TryAddSingleton<LatestRunways>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBalanceReadingObserver, BalanceHistoryRecorder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BalanceHistoryService>());

        // The store may be shared: its election decides which process leads the monitor, in place of the lone process's.
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i] is { ServiceType: var type, IsKeyedService: false } descriptor
                && type == typeof(IMonitorLeadership) && descriptor.ImplementationInstance is SoleLeadership)
            {
                services.RemoveAt(i);
            }
        }

        services.TryAddSingleton<IStoredReadings, StoreReadings>();
        services.TryAddSingleton<StoreLeadership>();
        services.TryAddSingleton<IMonitorLeadership>(provider => provider.GetRequiredService<StoreLeadership>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IHostedService, StoreLeadership>(provider => provider.GetRequiredService<StoreLeadership>()));
        return services;
    }
}
