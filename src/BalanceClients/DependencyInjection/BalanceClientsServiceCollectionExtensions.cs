using BalanceClients;
using BalanceClients.Configuration;
using BalanceClients.Http;
using BalanceClients.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers BalanceClients in a service collection.</summary>
public static class BalanceClientsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBalanceChecker"/>, each provider's HTTP client (with the contract's resilience) and each generated
    /// client's interface (<c>ITelnyxClient</c>, ...), with options read from <paramref name="configuration"/>'s <c>Balances</c>
    /// section and the contract's environment variables, validated now.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration.</param>
    /// <param name="configure">Changes the options after they are read, before they are validated.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="BalanceConfigurationException">A setting is missing or wrong; the message names it.</exception>
    public static IServiceCollection AddBalanceClients(this IServiceCollection services, IConfiguration configuration, Action<BalanceClientsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = BalanceClientsConfiguration.Read(configuration);
        configure?.Invoke(options);
        return services.AddBalanceClients(options);
    }

    /// <summary>Registers BalanceClients with options made in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">The options; they are validated now.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="BalanceConfigurationException">A setting is wrong; the message names it.</exception>
    public static IServiceCollection AddBalanceClients(this IServiceCollection services, BalanceClientsOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        BalanceClientsConfiguration.Validate(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton<IBalanceChecker, BalanceChecker>();

        foreach (var provider in ProviderCatalog.All)
        {
            var id = provider.Descriptor.Id;
            var providerOptions = options.GetProvider(id);
            var httpClient = services.AddHttpClient(HttpClientNames.For(id))
                .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
                .AddHttpMessageHandler(serviceProvider => new ResilienceHandler(
                    ResiliencePipelines.Create(
                        id,
                        providerOptions.Resilience,
                        serviceProvider.GetRequiredService<TimeProvider>(),
                        serviceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("BalanceClients.Http")),
                    providerOptions.MaxResponseBytes))
                .RemoveAllLoggers();
            provider.AddGeneratedClient(httpClient, options.BaseUrlOf(provider.Descriptor).ToString());
        }

        return services;
    }

    // No redirects: a provider's 3xx never takes the credentials to another origin (the classifier reports it instead).
    // No cookies: the pooled handler is shared by every account of the provider, and one account's cookies are not another's.
    private static SocketsHttpHandler CreatePrimaryHandler() => new() { AllowAutoRedirect = false, UseCookies = false };
}
