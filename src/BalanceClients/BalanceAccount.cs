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

    /// <inheritdoc />
    public override string ToString() => $"{Provider}/{Name}";
}
