using System.Diagnostics.Metrics;
using BalanceClients;
using BalanceClients.Configuration;
using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the webhook notifications: one message per change of an account's level or of its runway's, posted in the background.
/// </summary>
public static class BalanceNotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the notifier of the monitor's readings (register the monitor too, with <c>AddBalanceMonitor</c>), with
    /// <see cref="BalanceNotificationOptions"/> bound from <c>Balances:Notifications</c> of <paramref name="configuration"/>
    /// (<c>BALANCES_WEBHOOK_URL</c> adds one JSON webhook when the configuration has
    /// <see cref="BalanceConfigurationBuilderExtensions.AddBalanceEnvironmentVariables"/>). The options are read once, and
    /// validated when the host starts. The levels told are kept in the <see cref="BalanceStore"/> registered as a service, if
    /// there is one, so that a restart repeats no message; without one they are kept in memory, and a restart may repeat the
    /// last message of an account that is not ok. With the history (<c>AddBalanceHistory</c>, which keeps
    /// <see cref="LatestRunways"/>), a runway that drops under a threshold's <see cref="BalanceThreshold.RunwayWarning"/> or
    /// <see cref="BalanceThreshold.RunwayCritical"/> horizon, and one back above them, is told too; register the history first, so
    /// that the runway the notifier reads is that of the reading it is handed (registered after, it is the previous reading's).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBalanceNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var names = new SettingNames(configuration);
        services.AddOptions<BalanceNotificationOptions>().BindSection(
            configuration, ConfigurationKeys.Notifications, (section, options) => NotificationBinding.Bind(section, options, names), names);
        return services.AddBalanceNotificationsCore();
    }

    /// <summary>Registers the notifier with options made in code; see the other overload.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBalanceNotifications(this IServiceCollection services, Action<BalanceNotificationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<BalanceNotificationOptions>().Configure(configure);
        return services.AddBalanceNotificationsCore();
    }

    // The store of AddBalanceHistory, or one the application registered itself; none keeps the levels told in memory.
    private static Func<CancellationToken, Task<BalanceStore?>> StoreOf(IServiceProvider provider) =>
        provider.GetService<BalanceStore>() is { } store ? _ => Task.FromResult<BalanceStore?>(store)
        : provider.GetService<BalanceHistory>() is { } history ? async cancellationToken => await history.GetStoreAsync(cancellationToken)
            .ConfigureAwait(false)
        : _ => Task.FromResult<BalanceStore?>(null);

    // The checker's current thresholds, asked at each reading (they follow a reloaded configuration); none without a checker.
    private static Func<BalanceThresholds> ThresholdsOf(IServiceProvider provider) =>
        () => provider.GetService<IBalanceChecker>()?.Thresholds ?? BalanceThresholds.None;

    private static IServiceCollection AddBalanceNotificationsCore(this IServiceCollection services)
    {
        services.AddSectionOptions<BalanceNotificationOptions, BalanceNotificationOptionsValidator>(ConfigurationKeys.Notifications);
        if (services.Any(service => service.ServiceType == typeof(WebhookNotifier)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddMetrics();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<BalanceNotificationOptions>, BalanceNotificationOptionsCustomValidator>());

        // No redirects (a 3xx would take the secret URL's message elsewhere), no cookies, and no logging handlers: the factory's
        // default ones log every request's URL, which is the webhook's secret.
        services.AddHttpClient(NotificationDefaults.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RemoveAllLoggers();
        services.AddSingleton(provider => new WebhookNotifier(
            provider.GetRequiredService<IOptions<BalanceNotificationOptions>>(),
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IMeterFactory>(),
            provider.GetRequiredService<ILogger<WebhookNotifier>>(),
            StoreOf(provider),
            provider.GetService<LatestRunways>(),
            ThresholdsOf(provider),
            provider.GetService<IMonitorLeadership>()));
        static WebhookNotifier Notifier(IServiceProvider provider) => provider.GetRequiredService<WebhookNotifier>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBalanceReadingObserver, WebhookNotifier>(Notifier));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookNotifier>(Notifier));
        return services;
    }
}
