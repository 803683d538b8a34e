namespace BalanceClients;

/// <summary>The names of the providers' HTTP clients in <see cref="IHttpClientFactory"/>, to add handlers or settings to them.</summary>
public static class HttpClientNames
{
    /// <summary>The name of a provider's HTTP client.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <returns>The name (<c>BalanceClients.telnyx</c>).</returns>
    public static string For(string providerId) => "BalanceClients." + providerId;
}
