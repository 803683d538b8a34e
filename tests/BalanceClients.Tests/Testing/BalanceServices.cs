using BalanceClients.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BalanceClients.Tests.Testing;

/// <summary>The library registered as a host registers it: configuration from the contract's variables and settings by key.</summary>
internal static class BalanceServices
{
    /// <summary>A service collection with the library bound to the given variables and configuration keys.</summary>
    public static ServiceCollection Create(
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<BalanceCheckerOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .AddBalanceEnvironmentVariables(environment)
            .Build();
        var services = new ServiceCollection();
        services.AddBalanceClients(configuration);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services;
    }

    /// <summary>
    /// The validated options, as the checker sees them; throws <see cref="OptionsValidationException"/> when they are wrong.
    /// </summary>
    public static BalanceCheckerOptions Options(
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<BalanceCheckerOptions>? configure = null)
    {
        using var provider = Create(environment, settings, configure).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<BalanceCheckerOptions>>().Value;
    }

    /// <summary>The accounts the checker would check.</summary>
    public static IReadOnlyList<BalanceAccount> Accounts(
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<BalanceCheckerOptions>? configure = null)
    {
        using var provider = Create(environment, settings, configure).BuildServiceProvider();
        return provider.GetRequiredService<IBalanceChecker>().Accounts;
    }

    /// <summary>The one-line message of the first validation failure, or of the configuration exception, of these settings.</summary>
    public static string Failure(
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<BalanceCheckerOptions>? configure = null)
    {
        try
        {
            _ = Accounts(environment, settings, configure);
        }
        catch (OptionsValidationException exception)
        {
            return exception.Failures.First();
        }
        catch (BalanceConfigurationException exception)
        {
            return exception.Message;
        }

        throw new Xunit.Sdk.XunitException("The configuration was accepted.");
    }
}
