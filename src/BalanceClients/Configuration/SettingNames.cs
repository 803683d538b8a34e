using BalanceClients.Providers;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Configuration;

/// <summary>
/// How a message names a setting: by the contract's environment variable when that is where the value came from (or would
/// come from, for a missing credential of the <c>default</c> account), otherwise by its configuration key.
/// </summary>
/// <param name="configuration">The configuration the options were bound from; <see langword="null"/> for options made in code.</param>
internal sealed class SettingNames(IConfiguration? configuration)
{
    /// <summary>Names for options made in code: configuration keys only.</summary>
    public static SettingNames Keys { get; } = new(null);

    /// <summary>The name of a credential setting.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <param name="account">The account's name.</param>
    /// <param name="field">The setting.</param>
    /// <returns>The variable or the key.</returns>
    public string Credential(string providerId, string account, CredentialField field)
    {
        var key = ConfigurationKeys.Credential(providerId, account, field.Key);
        return IsDefault(account) && IsFromEnvironmentOrUnset(key) ? field.EnvironmentVariable : key;
    }

    /// <summary>The name of a provider's server URL setting.</summary>
    /// <param name="descriptor">The provider.</param>
    /// <returns>The variable or the key.</returns>
    public string BaseUrl(ProviderDescriptor descriptor)
    {
        var key = ConfigurationKeys.BaseUrl(descriptor.Id);
        return IsFromEnvironmentOrUnset(key) ? descriptor.BaseUrlVariable : key;
    }

    /// <summary>The name of a webhook's URL setting.</summary>
    /// <param name="key">The setting's configuration key (<c>Balances:Notifications:Webhooks:0:Url</c>).</param>
    /// <returns>The variable, when the value came from it, or the key.</returns>
    public string WebhookUrl(string key) =>
        SourceOf(key) is BalanceEnvironmentVariablesConfigurationProvider ? ConfigurationKeys.WebhookUrlVariable : key;

    private static bool IsDefault(string account) => string.Equals(account, BalanceAccount.DefaultName, StringComparison.OrdinalIgnoreCase);

    private bool IsFromEnvironmentOrUnset(string key) =>
        configuration is IConfigurationRoot && SourceOf(key) is (null or BalanceEnvironmentVariablesConfigurationProvider);

    // The source whose value of the key wins; null for options made in code, or when no source sets the key.
    private IConfigurationProvider? SourceOf(string key) =>
        (configuration as IConfigurationRoot)?.Providers.LastOrDefault(provider => provider.TryGet(key, out _));
}
