namespace BalanceClients.Providers;

/// <summary>What the library knows of a provider besides how to call it: what it tells users, and how its credentials are made.</summary>
internal sealed record ProviderDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    /// <param name="id">The provider id (<see cref="ProviderIds"/>).</param>
    /// <param name="displayName">The provider's name for people.</param>
    /// <param name="defaultBaseUrl">The spec's server URL.</param>
    /// <param name="kinds">The kinds of amount it reports, in order (<see cref="AmountKinds"/>).</param>
    /// <param name="primaryKind">The kind of its primary amount, the one a plain threshold applies to.</param>
    /// <param name="credentialFields">Every setting its credentials need; all of them are required.</param>
    /// <param name="createCredentials">Builds the credentials from the settings' values, by key.</param>
    public ProviderDescriptor(
        string id,
        string displayName,
        Uri defaultBaseUrl,
        IReadOnlyList<string> kinds,
        string primaryKind,
        IReadOnlyList<CredentialField> credentialFields,
        Func<IReadOnlyDictionary<string, string>, IAccountCredentials> createCredentials)
    {
        Info = new ProviderInfo(
            id,
            displayName,
            defaultBaseUrl,
            kinds,
            primaryKind,
            [.. credentialFields.Select(field => field.EnvironmentVariable)])
        {
            CredentialKeys = [.. credentialFields.Select(field => field.Key)],
        };
        CredentialFields = credentialFields;
        CreateCredentials = createCredentials;
    }

    /// <summary>What the contract says of the provider.</summary>
    public ProviderInfo Info { get; }

    /// <summary>Every setting its credentials need; all of them are required.</summary>
    public IReadOnlyList<CredentialField> CredentialFields { get; }

    /// <summary>Builds the credentials from the settings' values, by key.</summary>
    public Func<IReadOnlyDictionary<string, string>, IAccountCredentials> CreateCredentials { get; }

    /// <summary>The provider id.</summary>
    public string Id => Info.Id;

    /// <summary>The provider's name for people.</summary>
    public string DisplayName => Info.DisplayName;

    /// <summary>The spec's server URL.</summary>
    public Uri DefaultBaseUrl => Info.DefaultBaseUrl;

    /// <summary>The kinds of amount it reports, in order.</summary>
    public IReadOnlyList<string> Kinds => Info.Kinds;

    /// <summary>The variable that replaces the provider's server URL (<c>MESH_BASE_URL</c>).</summary>
    public string BaseUrlVariable => Info.BaseUrlVariable;
}
