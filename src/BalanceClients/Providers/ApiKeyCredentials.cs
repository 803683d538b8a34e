namespace BalanceClients.Providers;

/// <summary>An API key: the credentials of UNDRCTRL, Telnyx and Lumenfall accounts.</summary>
public sealed class ApiKeyCredentials : IAccountCredentials
{
    /// <summary>The configuration key of the API key.</summary>
    internal const string ApiKeyKey = "ApiKey";

    /// <summary>Creates the credentials.</summary>
    /// <param name="apiKey">The API key.</param>
    public ApiKeyCredentials(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
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
    /// <returns>The one field.</returns>
    internal static IReadOnlyList<CredentialField> Fields(string environmentVariable) =>
        [new CredentialField(ApiKeyKey, environmentVariable)];

    /// <summary>Builds the credentials from validated settings.</summary>
    /// <param name="values">The settings, by key.</param>
    /// <returns>The credentials.</returns>
    internal static ApiKeyCredentials From(IReadOnlyDictionary<string, string> values) => new(values[ApiKeyKey]);
}
