using BalanceClients.Configuration;

namespace BalanceClients.Providers;

/// <summary>
/// The accounts <see cref="BalanceCheckerOptions"/> come to: those configured under each provider, then those made in code.
/// </summary>
internal static class ConfiguredAccounts
{
    /// <summary>Every account of the options that is correct, and a one-line failure for each that is not.</summary>
    /// <param name="options">The options.</param>
    /// <param name="names">How messages name settings.</param>
    /// <param name="failures">Where the accounts' problems go, in order.</param>
    /// <returns>The accounts that are correct.</returns>
    public static List<BalanceAccount> Of(BalanceCheckerOptions options, SettingNames names, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failures);
        var accounts = new List<BalanceAccount>();
        foreach (var (id, provider) in options.Providers)
        {
            if (ProviderCatalog.TryGet(id, out var adapter))
            {
                AddConfigured(adapter, provider, names, accounts, failures);
            }
        }

        foreach (var account in options.Accounts)
        {
            if (CheckMadeInCode(account, failures))
            {
                accounts.Add(account);
            }
        }

        var duplicate = accounts
            .GroupBy(account => (account.Provider.ToUpperInvariant(), account.Name.ToUpperInvariant()))
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            failures.Add($"The account {duplicate.First()} is configured twice.");
        }

        return accounts;
    }

    private static void AddConfigured(
        BalanceProvider adapter, ProviderOptions provider, SettingNames names, List<BalanceAccount> accounts, List<string> failures)
    {
        var id = adapter.Descriptor.Id;
        foreach (var (name, settings) in provider.Accounts)
        {
            string NameOf(CredentialField field) => names.Credential(id, name, field.Key, field.EnvironmentVariable);
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

    private static bool CheckMadeInCode(BalanceAccount account, List<string> failures)
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
