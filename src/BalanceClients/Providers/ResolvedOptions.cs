using BalanceClients.Configuration;

namespace BalanceClients.Providers;

/// <summary>What validated options come to: the accounts to check, each provider's server URL and settings, the thresholds.</summary>
internal sealed class ResolvedOptions
{
    private static readonly ProviderOptions Defaults = new();
    private readonly Dictionary<string, string> _baseUrls;

    private ResolvedOptions(BalanceCheckerOptions options, IReadOnlyList<BalanceAccount> accounts)
    {
        Options = options;
        Accounts =
        [
            .. accounts
                .OrderBy(account => account.Provider, StringComparer.Ordinal)
                .ThenBy(account => account.Name, StringComparer.Ordinal),
        ];
        Thresholds = new BalanceThresholds(options.Thresholds);
        _baseUrls = ProviderCatalog.All.ToDictionary(
            provider => provider.Descriptor.Id,
            provider => (For(provider.Descriptor.Id).BaseUrl ?? provider.Descriptor.DefaultBaseUrl).ToString(),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The options these come from.</summary>
    public BalanceCheckerOptions Options { get; }

    /// <summary>Every account to check, in the contract's order: by provider id, then account name.</summary>
    public IReadOnlyList<BalanceAccount> Accounts { get; }

    /// <summary>The thresholds.</summary>
    public BalanceThresholds Thresholds { get; }

    /// <summary>Resolves options that passed validation.</summary>
    /// <param name="options">The options.</param>
    /// <returns>What they come to.</returns>
    /// <exception cref="BalanceConfigurationException">The options are wrong (they were not validated).</exception>
    public static ResolvedOptions From(BalanceCheckerOptions options)
    {
        var failures = new List<string>();
        var accounts = ConfiguredAccounts.Of(options, SettingNames.Keys, failures);
        return failures.Count == 0 ? new ResolvedOptions(options, accounts) : throw new BalanceConfigurationException(failures[0]);
    }

    /// <summary>A provider's settings, its defaults when it has none.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <returns>The settings; never added to the options.</returns>
    public ProviderOptions For(string providerId) => Options.Providers.TryGetValue(providerId, out var provider) ? provider : Defaults;

    /// <summary>The server URL a provider is called at: the configured one, or its spec's.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <returns>The URL, as the generated clients take it.</returns>
    public string BaseUrlOf(string providerId) => _baseUrls[providerId];

    /// <summary>A provider's account named <c>default</c>, if configured.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    public BalanceAccount? DefaultAccountOf(string providerId) => Accounts.FirstOrDefault(account =>
        string.Equals(account.Provider, providerId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(account.Name, BalanceAccount.DefaultName, StringComparison.OrdinalIgnoreCase));
}
