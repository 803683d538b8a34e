using BalanceClients.Providers;

namespace BalanceClients.Configuration;

/// <summary>Everything the library is configured with: the accounts to check and how.</summary>
public sealed class BalanceClientsOptions
{
    /// <summary>The deadline of a whole check; an account still running then is reported as a timeout.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan Timeout { get; set; } = BalanceDefaults.Timeout;

    /// <summary>How many accounts are checked at once.</summary>
    /// <value>The default value is 16.</value>
    public int MaxConcurrency { get; set; } = BalanceDefaults.MaxConcurrency;

    /// <summary>Settings per provider id; a provider with no entry uses the defaults.</summary>
    public IDictionary<string, ProviderOptions> Providers { get; } = new Dictionary<string, ProviderOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The accounts to check.</summary>
    public IList<BalanceAccount> Accounts { get; } = [];

    /// <summary>Warning and critical levels of amounts; when several have the same target, the later one's levels win.</summary>
    public IList<BalanceThreshold> Thresholds { get; } = [];

    /// <summary>The settings of a provider, its defaults if it has none.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <returns>The provider's settings.</returns>
    public ProviderOptions GetProvider(string providerId)
    {
        if (!Providers.TryGetValue(providerId, out var options))
        {
            options = new ProviderOptions();
            Providers[providerId] = options;
        }

        return options;
    }

    /// <summary>The server URL a provider is called at: the configured one, or its spec's.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The URL.</returns>
    internal Uri BaseUrlOf(ProviderDescriptor provider) =>
        Providers.TryGetValue(provider.Id, out var settings) && settings.BaseUrl is { } url ? url : provider.DefaultBaseUrl;
}
