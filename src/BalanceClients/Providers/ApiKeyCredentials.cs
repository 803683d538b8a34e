namespace BalanceClients.Providers;

/// <summary>An API key: the credentials of UNDRCTRL, Telnyx and Lumenfall accounts.</summary>
public sealed class ApiKeyCredentials : IAccountCredentials
{
    /// <summary>The configuration key of the API key.</summary>
    internal const string ApiKeyKey = "ApiKey";

    /// <summary>Creates the credentials.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <exception cref="ArgumentException">The key is empty or contains a control character.</exception>
    public ApiKeyCredentials(string apiKey)
    {
        CredentialText.ThrowIfInvalid(apiKey);
        ApiKey = apiKey;
    }

    /// <summary>The API key.</summary>
    public string ApiKey { get; }

    /// <inheritdoc />
    public IEnumerable<string> Secrets => [ApiKey];

    /// <inheritdoc />
    public override string ToString() => "ApiKeyCredentials { ApiKey = REDACTED }";

    /// <summary>The credential settings of a provider whose accounts use an API key.</summary>
    /// <param name="environmentVariable">The contract's variable for the default account's key.</param>
    /// <param name="sentInHeader">Whether the key travels in an HTTP header (a bearer token) rather than in the body.</param>
    /// <returns>The one field.</returns>
    internal static IReadOnlyList<CredentialField> Fields(string environmentVariable, bool sentInHeader) =>
        [new CredentialField(ApiKeyKey, environmentVariable, credentials => ((ApiKeyCredentials)credentials).ApiKey, sentInHeader)];

    /// <summary>Builds the credentials from validated settings.</summary>
    /// <param name="values">The settings, by key.</param>
    /// <returns>The credentials.</returns>
    internal static ApiKeyCredentials From(IReadOnlyDictionary<string, string> values) => new(values[ApiKeyKey]);
}
