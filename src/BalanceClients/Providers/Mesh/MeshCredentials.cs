using BalanceClients.Generated.Mesh;
using BalanceClients.Generation;

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
    /// <param name="brokerType">
    /// The institution's broker type, as Mesh names it (<c>coinbase</c>, <c>binanceInternationalDirect</c>, ...).
    /// </param>
    /// <exception cref="ArgumentException">
    /// A value is empty or contains a control character, or the broker type is not one Mesh knows.
    /// </exception>
    public MeshCredentials(string clientId, string clientSecret, string authToken, string brokerType)
    {
        CredentialText.ThrowIfInvalid(clientId);
        CredentialText.ThrowIfInvalid(clientSecret);
        CredentialText.ThrowIfInvalid(authToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(brokerType);
        ClientId = clientId;
        ClientSecret = clientSecret;
        AuthToken = authToken;
        BrokerType = BrokerTypes.FirstOrDefault(name => string.Equals(name, brokerType, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{brokerType}' is not a Mesh broker type.", nameof(brokerType));
    }

    /// <summary>The broker types Mesh accepts, as its spec names them.</summary>
    public static IReadOnlyCollection<string> BrokerTypes => EnumNames<BrokerType>.All;

    /// <summary>The client id.</summary>
    public string ClientId { get; }

    /// <summary>The client secret.</summary>
    public string ClientSecret { get; }

    /// <summary>The connection's auth token.</summary>
    public string AuthToken { get; }

    /// <summary>The institution's broker type, as Mesh names it.</summary>
    public string BrokerType { get; }

    /// <inheritdoc />
    public IEnumerable<string> Secrets => [ClientId, ClientSecret, AuthToken];

    /// <inheritdoc />
    public override string ToString() =>
        $"MeshCredentials {{ ClientId = REDACTED, ClientSecret = REDACTED, AuthToken = REDACTED, BrokerType = {BrokerType} }}";
}
