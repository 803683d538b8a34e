using BalanceClients.Providers;
using Microsoft.Extensions.Options;
using static BalanceClients.Configuration.ValidationFailures;

namespace BalanceClients.Configuration;

/// <summary>
/// Validates <see cref="BalanceCheckerOptions"/>: every range, server URL, account and threshold. Each failure is one line that
/// names the setting (the contract's variable, or the configuration key) and never quotes a secret.
/// </summary>
/// <param name="names">How messages name settings.</param>
internal sealed class BalanceCheckerOptionsValidator(SettingNames names) : IValidateOptions<BalanceCheckerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BalanceCheckerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckGeneral(options, failures);
        foreach (var (id, provider) in options.Providers)
        {
            CheckProvider(id, provider, failures);
        }

        var accounts = Accounts(options, names, failures);
        var duplicate = accounts
            .GroupBy(account => (account.Provider.ToUpperInvariant(), account.Name.ToUpperInvariant()))
            .FirstOrDefault(g => g.Count() > 1);
        Add(failures, duplicate is null, $"The account {duplicate?.First()} is configured twice.");
        for (var i = 0; i < options.Thresholds.Count; i++)
        {
            CheckThreshold(options.Thresholds[i], $"{ConfigurationKeys.Section}:Thresholds:{i}", failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every account of the options: those configured under each provider, then those made in code.</summary>
    /// <param name="options">The options.</param>
    /// <param name="names">How messages name settings.</param>
    /// <param name="failures">Where the accounts' problems go.</param>
    /// <returns>The accounts that are correct.</returns>
    public static List<BalanceAccount> Accounts(BalanceCheckerOptions options, SettingNames names, List<string> failures)
    {
        var accounts = new List<BalanceAccount>();
        foreach (var (id, provider) in options.Providers)
        {
            if (!ProviderCatalog.TryGet(id, out var adapter))
            {
                continue;
            }

            foreach (var (name, settings) in provider.Accounts)
            {
                string NameOf(CredentialField field) => names.Credential(adapter.Descriptor.Id, name, field);
                try
                {
                    if (AccountSettings.TryCreate(adapter, name, settings, NameOf) is { } account)
                    {
                        accounts.Add(account);
                    }
                    else if (!string.Equals(name, BalanceAccount.DefaultName, StringComparison.OrdinalIgnoreCase))
                    {
                        // A named account exists only in configuration, so declaring one without its credentials is a mistake.
                        failures.Add(AccountSettings.NotSet(adapter, NameOf));
                    }
                }
                catch (BalanceConfigurationException exception)
                {
                    failures.Add(exception.Message);
                }
            }
        }

        foreach (var account in options.Accounts)
        {
            if (CheckAccountMadeInCode(account, failures))
            {
                accounts.Add(account);
            }
        }

        return accounts;
    }

    /// <summary>
    /// Checks a threshold: a known provider and kind, at least one level, and a warning level not below the critical one.
    /// </summary>
    /// <param name="threshold">The threshold.</param>
    /// <param name="settingName">Where it comes from, for the message (<c>Balances:Thresholds:0</c>, <c>--min telnyx=5</c>).</param>
    /// <param name="failures">Where its problems go.</param>
    public static void CheckThreshold(BalanceThreshold threshold, string settingName, List<string> failures)
    {
        if (!ProviderCatalog.TryGet(threshold.Provider ?? string.Empty, out var provider))
        {
            failures.Add($"{settingName}: '{threshold.Provider}' is not a provider ({string.Join(", ", ProviderCatalog.Ids)}).");
            return;
        }

        var kinds = provider.Descriptor.Kinds;
        Add(
            failures,
            threshold.Kind is null || kinds.Contains(threshold.Kind, StringComparer.Ordinal),
            $"{settingName}: {provider.Descriptor.Id} has no amount of kind '{threshold.Kind}' ({string.Join(", ", kinds)}).");
        Add(
            failures,
            threshold.HasAmountLevels || threshold.HasRunwayLevels,
            $"{settingName} sets none of Warning, Critical, RunwayWarning and RunwayCritical.");
        var primary = provider.Descriptor.Info.PrimaryKind;
        Add(
            failures,
            !threshold.HasRunwayLevels || threshold.Kind is null || threshold.Kind == primary,
            $"{settingName}: a runway is known only for the primary amount ({primary}), not '{threshold.Kind}'.");
        foreach (var (name, horizon) in new[] { ("RunwayWarning", threshold.RunwayWarning), ("RunwayCritical", threshold.RunwayCritical) })
        {
            Add(
                failures,
                horizon is null || InRange(horizon.Value, BalanceDefaults.MinRunwayHorizon, BalanceDefaults.MaxRunwayHorizon),
                $"{settingName}:{name} must be between 1 minute and 3650 days.");
        }

        failures.AddRange(threshold.LevelContradictions().Select(contradiction => $"{settingName}: {contradiction}."));
    }

    private static void CheckGeneral(BalanceCheckerOptions options, List<string> failures)
    {
        const string Section = ConfigurationKeys.Section;
        Add(
            failures,
            InRange(options.Timeout, BalanceDefaults.MinTimeout, BalanceDefaults.MaxTimeout),
            $"{Section}:Timeout must be between 1 ms and 1 day.");
        Add(
            failures,
            options.MaxConcurrency is >= 1 and <= BalanceDefaults.MaxMaxConcurrency,
            $"{Section}:MaxConcurrency must be between 1 and {BalanceDefaults.MaxMaxConcurrency}.");
    }

    private void CheckProvider(string id, ProviderOptions provider, List<string> failures)
    {
        var prefix = ConfigurationKeys.Provider(id);
        if (!ProviderCatalog.TryGet(id, out var adapter))
        {
            failures.Add($"{prefix} is not a known provider ({string.Join(", ", ProviderCatalog.Ids)}).");
            return;
        }

        if (provider.BaseUrl is { } url && BaseUrlRules.ProblemWith(url) is { } problem)
        {
            failures.Add($"{names.BaseUrl(adapter.Descriptor)} {problem}");
        }

        Add(
            failures,
            provider.MaxResponseBytes is >= 1 and <= BalanceDefaults.MaxMaxResponseBytes,
            $"{prefix}:MaxResponseBytes must be between 1 and {BalanceDefaults.MaxMaxResponseBytes}.");
        var resilience = provider.Resilience;
        if (resilience is null)
        {
            failures.Add($"{prefix}:Resilience is not set.");
            return;
        }

        // The ranges Polly itself accepts: anything outside them would fail every check instead of the configuration.
        Add(
            failures,
            InRange(resilience.AttemptTimeout, BalanceDefaults.MinAttemptTimeout, BalanceDefaults.MaxAttemptTimeout),
            $"{prefix}:Resilience:AttemptTimeout must be between 10 ms and 1 day.");
        Add(
            failures,
            resilience.MaxRetries is >= 0 and <= BalanceDefaults.MaxMaxRetries,
            $"{prefix}:Resilience:MaxRetries must be between 0 and {BalanceDefaults.MaxMaxRetries}.");
        Add(
            failures,
            InRange(resilience.RetryBaseDelay, TimeSpan.Zero, BalanceDefaults.MaxRetryBaseDelay),
            $"{prefix}:Resilience:RetryBaseDelay must be between 0 and 1 day.");
        Add(
            failures,
            InRange(resilience.MaxRetryAfter, TimeSpan.Zero, BalanceDefaults.MaxMaxRetryAfter),
            $"{prefix}:Resilience:MaxRetryAfter must be between 0 and 1 day.");
    }

    private static bool CheckAccountMadeInCode(BalanceAccount account, List<string> failures)
    {
        if (!ProviderCatalog.TryGet(account.Provider ?? string.Empty, out var provider))
        {
            failures.Add($"The account {account} names an unknown provider ({string.Join(", ", ProviderCatalog.Ids)}).");
            return false;
        }

        if (string.IsNullOrWhiteSpace(account.Name))
        {
            failures.Add($"An account of {account.Provider} has no name.");
            return false;
        }

        if (!provider.CredentialsType.IsInstanceOfType(account.Credentials))
        {
            var given = account.Credentials?.GetType().Name ?? "none";
            failures.Add($"The account {account} needs {provider.CredentialsType.Name}, not {given}.");
            return false;
        }

        var problems = provider.Descriptor.CredentialFields
            .Select(field => (field.Key, Problem: field.ProblemWith(field.Read(account.Credentials))))
            .Where(field => field.Problem is not null)
            .Select(field => $"The account {account}'s {field.Key} {field.Problem}.")
            .ToList();
        failures.AddRange(problems);
        return problems.Count == 0;
    }
}
