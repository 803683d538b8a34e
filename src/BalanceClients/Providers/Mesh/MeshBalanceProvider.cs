using BalanceClients.Generated.Mesh;
using BalanceClients.Generated.Mesh.Kiota;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Providers.Mesh;

/// <summary>
/// Mesh Connect: <c>POST /api/v1/balance/get</c>; every answer is an <c>ApiResult</c> envelope whose <c>status</c> decides.
/// </summary>
internal sealed class MeshBalanceProvider : BalanceProvider<MeshCredentials>
{
    /// <summary>The HTTP status of every answer the adapter reads amounts from.</summary>
    internal const int Ok = 200;

    private const string Usd = "USD";

    /// <inheritdoc />
    public override ProviderDescriptor Descriptor { get; } = new(
        ProviderIds.Mesh,
        "Mesh Connect",
        new Uri("https://integration-api.meshconnect.com"),
        [AmountKinds.Cash, AmountKinds.BuyingPower, AmountKinds.CryptoBuyingPower, AmountKinds.TotalCash, AmountKinds.TotalBuyingPower],
        AmountKinds.TotalCash,
        [
            new CredentialField(MeshCredentials.ClientIdKey, "MESH_CLIENT_ID", c => ((MeshCredentials)c).ClientId, SentInHeader: true),
            new CredentialField(
                MeshCredentials.ClientSecretKey,
                "MESH_CLIENT_SECRET",
                c => ((MeshCredentials)c).ClientSecret,
                SentInHeader: true),
            new CredentialField(MeshCredentials.AuthTokenKey, "MESH_AUTH_TOKEN", c => ((MeshCredentials)c).AuthToken),
            new CredentialField(
                MeshCredentials.BrokerTypeKey,
                "MESH_BROKER_TYPE",
                c => ((MeshCredentials)c).BrokerType,
                AllowedValues: MeshCredentials.BrokerTypes),
        ],
        values => new MeshCredentials(
            values[MeshCredentials.ClientIdKey],
            values[MeshCredentials.ClientSecretKey],
            values[MeshCredentials.AuthTokenKey],
            values[MeshCredentials.BrokerTypeKey]));

    /// <inheritdoc />
    protected override IBalanceCall<MeshCredentials> Call { get; } =
        GeneratedClients.AreKiota ? new MeshKiotaCall() : new MeshNSwagCall();

    /// <inheritdoc />
    public override void AddGeneratedClients(IHttpClientBuilder httpClient) =>
        AddGeneratedClients<IMeshClient, MeshApiClient>(
            httpClient,
            (http, baseUrl) => new MeshClient(http) { BaseUrl = baseUrl },
            adapter => new MeshApiClient(adapter));

    /// <inheritdoc />
    protected override void Authenticate(HttpClient httpClient, MeshCredentials credentials)
    {
        httpClient.DefaultRequestHeaders.Add("X-Client-Id", credentials.ClientId);
        httpClient.DefaultRequestHeaders.Add("X-Client-Secret", credentials.ClientSecret);
    }

    /// <summary>Fails with what the envelope says, unless its <c>status</c> says success.</summary>
    /// <param name="envelope">The envelope, whichever client read it.</param>
    /// <exception cref="BalanceException">The status is missing or not a success.</exception>
    internal static void ThrowIfFailed(Envelope envelope)
    {
        var status = envelope.Status ?? throw ProviderAnswer.Invalid("the answer has no 'status'", Ok);
        if (status != "ok")
        {
            throw ProviderAnswer.Failed(KindOf(status), Ok, NullIfEmpty(envelope.ErrorType), envelope.Message ?? envelope.DisplayMessage);
        }
    }

    /// <summary>Reads the amounts of a successful answer's <c>content</c>, whichever client read it.</summary>
    /// <param name="balances">Its <c>balances</c>, in order (<see langword="null"/> where the list holds null).</param>
    /// <param name="totalCash">Its <c>totalCashUsdValue</c>.</param>
    /// <param name="totalBuyingPower">Its <c>totalBuyingPowerUsdValue</c>.</param>
    /// <returns>The amounts.</returns>
    /// <exception cref="BalanceException">A balance is null or its currency is not a code.</exception>
    internal static ProviderBalance Read(IEnumerable<Balance?> balances, decimal? totalCash, decimal? totalBuyingPower)
    {
        var amounts = new List<BalanceAmount>();
        foreach (var balance in balances)
        {
            if (balance is null)
            {
                throw ProviderAnswer.Invalid("'content.balances' holds null where a balance belongs", Ok);
            }

            var currency = ProviderAnswer.Currency(balance.CurrencyCode, "content.balances[].currencyCode", Ok);
            AddIfGiven(amounts, AmountKinds.Cash, balance.Cash, currency);
            AddIfGiven(amounts, AmountKinds.BuyingPower, balance.BuyingPower, currency);
            AddIfGiven(amounts, AmountKinds.CryptoBuyingPower, balance.CryptoBuyingPower, currency);
        }

        amounts.Add(new BalanceAmount(AmountKinds.TotalCash, totalCash, Usd, IsPrimary: true));
        amounts.Add(new BalanceAmount(AmountKinds.TotalBuyingPower, totalBuyingPower, Usd, IsPrimary: false));
        return new ProviderBalance(amounts);
    }

    /// <summary>What an error body's envelope says.</summary>
    /// <param name="envelope">The envelope.</param>
    /// <returns>The failure.</returns>
    internal static ProviderFailure Failure(Envelope envelope) =>
        new(
            envelope.Status is { } status ? KindOf(status) : null,
            NullIfEmpty(envelope.ErrorType),
            envelope.Message ?? envelope.DisplayMessage);

    private static void AddIfGiven(List<BalanceAmount> amounts, string kind, decimal? amount, string currency)
    {
        if (amount is not null)
        {
            amounts.Add(new BalanceAmount(kind, amount, currency, IsPrimary: false));
        }
    }

    private static BalanceErrorKind KindOf(string status) => status switch
    {
        "permissionDenied" => BalanceErrorKind.Forbidden,
        "badRequest" => BalanceErrorKind.BadRequest,
        "notFound" => BalanceErrorKind.NotFound,
        "tooManyRequest" => BalanceErrorKind.RateLimited,
        "serverFailure" => BalanceErrorKind.Unavailable,
        _ => BalanceErrorKind.ProviderError,
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>The fields of Mesh's <c>ApiResult</c> envelope the adapter reads.</summary>
    /// <param name="Status">Its <c>status</c>, as the spec names it.</param>
    /// <param name="ErrorType">Its <c>errorType</c>.</param>
    /// <param name="Message">Its <c>message</c>.</param>
    /// <param name="DisplayMessage">Its <c>displayMessage</c>.</param>
    internal sealed record Envelope(string? Status, string? ErrorType, string? Message, string? DisplayMessage);

    /// <summary>One entry of <c>content.balances</c>.</summary>
    /// <param name="CurrencyCode">Its <c>currencyCode</c>.</param>
    /// <param name="Cash">Its <c>cash</c>.</param>
    /// <param name="BuyingPower">Its <c>buyingPower</c>.</param>
    /// <param name="CryptoBuyingPower">Its <c>cryptocurrencyBuyingPower</c>.</param>
    internal sealed record Balance(string? CurrencyCode, decimal? Cash, decimal? BuyingPower, decimal? CryptoBuyingPower);
}
