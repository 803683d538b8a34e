using BalanceClients.Generated.Mesh;

namespace BalanceClients.Providers.Mesh;

/// <summary>The credentials of one Mesh Connect connection.</summary>
public sealed class MeshCredentials : IAccountCredentials
{
    internal const string ClientIdKey = "ClientId";
    internal const string ClientSecretKey = "ClientSecret";
    internal const string AuthTokenKey = "AuthToken";
    internal const string BrokerTypeKey = "BrokerType";

    /// <summary>Creates the credentials.</summary>
    /// <param name="clientId">The client id Mesh issued (header <c>X-Client-Id</c>).</param>
    /// <param name="clientSecret">The client secret Mesh issued (header <c>X-Client-Secret</c>).</param>
    /// <param name="authToken">The auth token of the connection to the institution.</param>
    /// <param name="brokerType">The institution's broker type.</param>
    public MeshCredentials(string clientId, string clientSecret, string authToken, BrokerType brokerType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        ArgumentException.ThrowIfNullOrWhiteSpace(authToken);
        ClientId = clientId;
        ClientSecret = clientSecret;
        AuthToken = authToken;
        BrokerType = brokerType;
    }

    /// <summary>The client id.</summary>
    public string ClientId { get; }

    /// <summary>The client secret.</summary>
    public string ClientSecret { get; }

    /// <summary>The connection's auth token.</summary>
    public string AuthToken { get; }

    /// <summary>The institution's broker type.</summary>
    public BrokerType BrokerType { get; }

    /// <inheritdoc />
    public IEnumerable<string> Secrets => [ClientSecret, AuthToken];

    /// <inheritdoc />
    public override string ToString() => $"MeshCredentials {{ ClientId = {ClientId}, ClientSecret = REDACTED, AuthToken = REDACTED, BrokerType = {BrokerType} }}";
}
