using System.Collections;
using BalanceClients.Providers;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Configuration;

/// <summary>Maps the contract's environment variables onto <c>Balances</c> keys; blank variables are not set.</summary>
/// <param name="environment">The variables; <see langword="null"/> for the process's own environment.</param>
internal sealed class BalanceEnvironmentVariablesConfigurationProvider(IReadOnlyDictionary<string, string?>? environment)
    : ConfigurationProvider
{
    /// <inheritdoc />
    public override void Load()
    {
        var variables = environment ?? ProcessEnvironment();
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in ProviderCatalog.All)
        {
            var descriptor = provider.Descriptor;
            Set(data, variables, descriptor.BaseUrlVariable, ConfigurationKeys.BaseUrl(descriptor.Id));
            foreach (var field in descriptor.CredentialFields)
            {
                var key = ConfigurationKeys.Credential(descriptor.Id, BalanceAccount.DefaultName, field.Key);
                Set(data, variables, field.EnvironmentVariable, key);
            }
        }

        Set(data, variables, ConfigurationKeys.WebhookUrlVariable, ConfigurationKeys.EnvironmentWebhookUrl);
        Data = data;
    }

    /// <summary>Whether a key's value comes from a variable of this provider.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>Whether this provider sets it.</returns>
    public bool Sets(string key) => Data.ContainsKey(key);

    private static void Set(Dictionary<string, string?> data, IReadOnlyDictionary<string, string?> variables, string variable, string key)
    {
        if (variables.TryGetValue(variable, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            data[key] = value;
        }
    }

    private static Dictionary<string, string?> ProcessEnvironment() =>
        System.Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal);
}
