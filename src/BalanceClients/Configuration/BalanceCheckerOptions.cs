namespace BalanceClients.Configuration;

/// <summary>
/// How <see cref="BalanceChecker"/> checks: the accounts, their providers' settings, the deadline and the thresholds.
/// Bound from the <c>Balances</c> configuration section, and validated when the options are first used.
/// </summary>
public sealed class BalanceCheckerOptions
{
    /// <summary>The deadline of a whole check; an account still running then is reported as a timeout.</summary>
    /// <value>The default value is 30 seconds; from 1 ms to 1 day.</value>
    [SettingRange("00:00:00.001", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = BalanceDefaults.Timeout;

    /// <summary>How many accounts are checked at once.</summary>
    /// <value>The default value is 16; from 1 to 1024.</value>
    [SettingRange(1, 1024)]
    public int MaxConcurrency { get; set; } = BalanceDefaults.MaxConcurrency;

    /// <summary>Settings per provider id, named accounts included; a provider with no entry uses the defaults.</summary>
    public IDictionary<string, ProviderOptions> Providers { get; } =
        new Dictionary<string, ProviderOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Accounts made in code, checked beside those configured under <see cref="Providers"/>.</summary>
    public IList<BalanceAccount> Accounts { get; } = [];

    /// <summary>Warning and critical levels of amounts; when several have the same target, the later one's levels win.</summary>
#pragma warning disable SYSLIB1213 // Each threshold is validated on its own, under its own key (BalanceCheckerOptionsCustomValidator).
    public IList<BalanceThreshold> Thresholds { get; } = [];
#pragma warning restore SYSLIB1213

    /// <summary>The settings of a provider, added with the defaults if it has none.</summary>
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
}
