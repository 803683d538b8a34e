using BalanceClients;
using BalanceClients.Configuration;
using BalanceClients.Diagnostics;
using BalanceClients.Http;
using BalanceClients.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers BalanceClients in a service collection.</summary>
public static class BalanceClientsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBalanceChecker"/>, each provider's HTTP client (with the contract's resilience) and both of its
    /// generated clients on it, NSwag's interface (<c>ITelnyxClient</c>, ...) and Kiota's root class (<c>TelnyxApiClient</c>, ...),
    /// calling as the <c>default</c> account, with <see cref="BalanceCheckerOptions"/> bound from the <c>Balances</c>
    /// section of <paramref name="configuration"/> (add the contract's variables to it with
    /// <see cref="BalanceConfigurationBuilderExtensions.AddBalanceEnvironmentVariables"/>). The options follow a reloaded
    /// configuration, and are validated when the host starts or when first used.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBalanceClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var names = new SettingNames(configuration);
        services.AddOptions<BalanceCheckerOptions>().BindSection(configuration, ConfigurationKeys.Section, BindSection, names);
        services.Replace(ServiceDescriptor.Singleton(names));
        return services.AddBalanceClientsCore();
    }

    /// <summary>Registers BalanceClients with options made in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBalanceClients(this IServiceCollection services, Action<BalanceCheckerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<BalanceCheckerOptions>().Configure(configure);
        return services.AddBalanceClientsCore();
    }

    // Setting by setting: the options also hold accounts made in code, which configuration cannot make.
    private static void BindSection(IConfiguration section, BalanceCheckerOptions options)
    {
        options.Timeout = section.GetValue(nameof(options.Timeout), options.Timeout);
        options.MaxConcurrency = section.GetValue(nameof(options.MaxConcurrency), options.MaxConcurrency);
        section.GetSection(nameof(options.Providers)).Bind(options.Providers);
        section.GetSection(nameof(options.Thresholds)).Bind(options.Thresholds);
    }

    private static IServiceCollection AddBalanceClientsCore(this IServiceCollection services)
    {
        services.AddSectionOptions<BalanceCheckerOptions, BalanceCheckerOptionsValidator>(ConfigurationKeys.Section);
        if (services.Any(service => service.ServiceType == typeof(ResolvedOptionsMonitor)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton<BalanceCheckMetrics>();
        services.TryAddSingleton(SettingNames.Keys);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<BalanceCheckerOptions>, BalanceCheckerOptionsCustomValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BalanceCheckerOptions>, BalanceAccountsValidator>());
        services.AddSingleton<ResolvedOptionsMonitor>();
        services.AddSingleton<ProviderRateLimiters>();
        services.TryAddSingleton<IBalanceChecker, BalanceChecker>();
        foreach (var provider in ProviderCatalog.All)
        {
            var id = provider.Descriptor.Id;
            var httpClient = services.AddHttpClient(HttpClientNames.For(id))
                .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler);
            httpClient.AddResilienceHandler("resilience", (pipeline, context) =>
            {
                // Rebuilt when the options change (a reloaded file), as the standard handler's options are.
                context.EnableReloads<BalanceCheckerOptions>();
                var serviceProvider = context.ServiceProvider;
                var settings = serviceProvider.GetRequiredService<ResolvedOptionsMonitor>().Current.For(id);
                ResiliencePipelines.Configure(
                    pipeline,
                    id,
                    settings.Resilience,
                    serviceProvider.GetRequiredService<TimeProvider>(),
                    serviceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("BalanceClients.Http"),
                    serviceProvider.GetRequiredService<BalanceCheckMetrics>(),
                    serviceProvider.GetRequiredService<ProviderRateLimiters>().For(id, settings.RateLimit));
            });

            // Inside the resilience handler: the body is read within each attempt.
            httpClient
                .AddHttpMessageHandler(serviceProvider => new ResponseBodyHandler(
                    serviceProvider.GetRequiredService<ResolvedOptionsMonitor>().Current.For(id).MaxResponseBytes))
                .RemoveAllLoggers();
            provider.AddGeneratedClients(httpClient);
        }

        return services;
    }

    // No redirects: a provider's 3xx never takes the credentials to another origin (the classifier reports it instead).
    // No cookies: the pooled handler is shared by every account of the provider, and one account's cookies are not another's.
    private static SocketsHttpHandler CreatePrimaryHandler() => new() { AllowAutoRedirect = false, UseCookies = false };
}
