namespace BalanceClients.Providers;

/// <summary>What the library knows of a provider besides how to call it: its id, its server and its settings.</summary>
/// <param name="Id">The provider id (<see cref="ProviderIds"/>).</param>
/// <param name="DisplayName">The provider's name for people.</param>
/// <param name="DefaultBaseUrl">The spec's server URL.</param>
/// <param name="Kinds">The kinds of amount it reports, in order (<see cref="AmountKinds"/>).</param>
/// <param name="PrimaryKind">The kind of its primary amount, the one a plain threshold applies to.</param>
/// <param name="CredentialFields">Every setting its credentials need; all of them are required.</param>
/// <param name="CreateCredentials">Builds the credentials from the settings' values, by key.</param>
internal sealed record ProviderDescriptor(
    string Id,
    string DisplayName,
    Uri DefaultBaseUrl,
    IReadOnlyList<string> Kinds,
    string PrimaryKind,
    IReadOnlyList<CredentialField> CredentialFields,
    Func<IReadOnlyDictionary<string, string>, IAccountCredentials> CreateCredentials)
{
    /// <summary>The prefix of the provider's environment variables (<c>MESH</c>).</summary>
    public string EnvironmentPrefix => Id.ToUpperInvariant();

    /// <summary>The variable that replaces the provider's server URL (<c>MESH_BASE_URL</c>).</summary>
    public string BaseUrlVariable => EnvironmentPrefix + "_BASE_URL";
}
