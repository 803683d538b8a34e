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

    /// <summary>The name of a setting that is set: the variable its value came from, or its key.</summary>
    /// <param name="key">The setting's configuration key.</param>
    /// <returns>The variable or the key.</returns>
    public string Of(string key) =>
        SourceOf(key) is BalanceEnvironmentVariablesConfigurationProvider variables && variables.VariableOf(key) is { } variable
            ? variable
            : key;

    /// <summary>The name of a setting that a variable sets when configuration does not: the variable unless the key is set.</summary>
    /// <param name="key">The setting's configuration key.</param>
    /// <param name="variable">The contract's variable that sets it.</param>
    /// <returns>The variable or the key.</returns>
    public string Of(string key, string variable) =>
        configuration is IConfigurationRoot && SourceOf(key) is null or BalanceEnvironmentVariablesConfigurationProvider ? variable : key;

    /// <summary>The name of a credential setting.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <param name="account">The account's name.</param>
    /// <param name="field">The setting's key under the account (<c>ApiKey</c>).</param>
    /// <param name="variable">The contract's variable that sets it for the <c>default</c> account.</param>
    /// <returns>The variable or the key.</returns>
    public string Credential(string providerId, string account, string field, string variable)
    {
        var key = ConfigurationKeys.Credential(providerId, account, field);
        return string.Equals(account, BalanceAccount.DefaultName, StringComparison.OrdinalIgnoreCase) ? Of(key, variable) : key;
    }

    // The source whose value of the key wins; null for options made in code, or when no source sets the key.
    private IConfigurationProvider? SourceOf(string key) =>
        (configuration as IConfigurationRoot)?.Providers.LastOrDefault(provider => provider.TryGet(key, out _));
}
