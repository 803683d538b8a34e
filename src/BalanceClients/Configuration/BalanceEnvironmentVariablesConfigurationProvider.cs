using System.Collections;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Configuration;

/// <summary>Maps the contract's environment variables onto <c>Balances</c> keys; blank variables are not set.</summary>
/// <param name="environment">The variables; <see langword="null"/> for the process's own environment.</param>
internal sealed class BalanceEnvironmentVariablesConfigurationProvider(IReadOnlyDictionary<string, string?>? environment)
    : ConfigurationProvider
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override void Load()
    {
        var variables = environment ?? ProcessEnvironment();
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        _variables.Clear();
        foreach (var provider in ProviderInfo.All)
        {
            Set(data, variables, provider.BaseUrlVariable, ConfigurationKeys.BaseUrl(provider.Id));
            for (var i = 0; i < provider.CredentialKeys.Count; i++)
            {
                var key = ConfigurationKeys.Credential(provider.Id, BalanceAccount.DefaultName, provider.CredentialKeys[i]);
                Set(data, variables, provider.EnvironmentVariables[i], key);
            }
        }

        Set(data, variables, ConfigurationKeys.WebhookUrlVariable, ConfigurationKeys.EnvironmentWebhookUrl);
        Set(data, variables, ConfigurationKeys.WebhookSecretVariable, ConfigurationKeys.EnvironmentWebhookSecret);
        Data = data;
    }

    /// <summary>The variable a key's value comes from.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The variable, or <see langword="null"/> when this provider does not set the key.</returns>
    public string? VariableOf(string key) => _variables.GetValueOrDefault(key);

    private void Set(Dictionary<string, string?> data, IReadOnlyDictionary<string, string?> variables, string variable, string key)
    {
        if (variables.TryGetValue(variable, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            data[key] = value;
            _variables[key] = variable;
        }
    }

    private static Dictionary<string, string?> ProcessEnvironment() =>
        System.Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal);
}
