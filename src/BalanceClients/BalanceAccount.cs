using BalanceClients.Configuration;
using BalanceClients.Providers;

namespace BalanceClients;

/// <summary>One account at one provider, with its credentials.</summary>
/// <param name="Provider">The provider id (<see cref="ProviderIds"/>).</param>
/// <param name="Name">The account's name, unique per provider (<c>default</c> for the one the environment variables configure).</param>
/// <param name="Credentials">The account's credentials, of the provider's credentials type.</param>
public sealed record BalanceAccount(string Provider, string Name, IAccountCredentials Credentials)
{
    /// <summary>The name of the account the contract's environment variables configure.</summary>
    public const string DefaultName = "default";

    /// <summary>Makes an account from its credential settings by key, as configuration or a file of accounts gives them.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="name">The account's name.</param>
    /// <param name="settings">The credential settings by key (<c>ApiKey</c>, <c>ClientId</c>, ...; keys ignore case).</param>
    /// <returns>The account.</returns>
    /// <exception cref="BalanceConfigurationException">The provider is unknown, the name is blank, or a setting is missing or cannot be
    /// sent; the message names the setting by its key, never its value.</exception>
    public static BalanceAccount FromSettings(string provider, string name, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        if (!ProviderCatalog.TryGet(provider ?? string.Empty, out var adapter))
        {
            throw new BalanceConfigurationException($"'{provider}' is not a known provider ({string.Join(", ", ProviderCatalog.Ids)}).");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BalanceConfigurationException($"An account of {adapter.Descriptor.Id} has no name.");
        }

        return AccountSettings.TryCreate(adapter, name, settings, field => field.Key)
            ?? throw new BalanceConfigurationException(AccountSettings.NotSet(adapter, field => field.Key));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Provider}/{Name}";
}
