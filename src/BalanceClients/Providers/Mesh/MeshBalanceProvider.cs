using BalanceClients.Generated.Mesh;
using BalanceClients.Generation;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Providers.Mesh;

/// <summary>
/// Mesh Connect: <c>POST /api/v1/balance/get</c>; every answer is an <c>ApiResult</c> envelope whose <c>status</c> decides.
/// </summary>
internal sealed class MeshBalanceProvider : BalanceProvider<MeshCredentials>
{
    private const int Ok = 200;
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
    public override Type ErrorBodyType => typeof(ApiResult);

    /// <inheritdoc />
    public override ProviderFailure? DescribeFailure(object errorBody) =>
        errorBody is ApiResult result
            ? new ProviderFailure(
                result.Status is { } status ? KindOf(status) : null,
                NullIfEmpty(result.ErrorType),
                result.Message ?? result.DisplayMessage)
            : null;

    /// <inheritdoc />
    public override void AddGeneratedClient(IHttpClientBuilder httpClient) =>
        httpClient.AddTypedClient<IMeshClient>(
            (http, services) => new MeshClient(http) { BaseUrl = PrepareGeneratedClient(http, services) });

    /// <inheritdoc />
    protected override void Authenticate(HttpClient httpClient, MeshCredentials credentials)
    {
        httpClient.DefaultRequestHeaders.Add("X-Client-Id", credentials.ClientId);
        httpClient.DefaultRequestHeaders.Add("X-Client-Secret", credentials.ClientSecret);
    }

    /// <inheritdoc />
    protected override async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        MeshCredentials credentials,
        CancellationToken cancellationToken)
    {
        var client = new MeshClient(httpClient) { BaseUrl = baseUrl };
        // MeshCredentials accepts only the spec's names, so this cannot fail.
        var brokerType = EnumMemberConverter<BrokerType>.TryParse(credentials.BrokerType, out var type) ? type : default;
        var request = new BalanceBrokerBaseRequest { AuthToken = credentials.AuthToken, Type = brokerType };
        var answer = await client.GetBalanceAsync(request, cancellationToken).ConfigureAwait(false);

        var status = answer.Status ?? throw ProviderAnswer.Invalid("the answer has no 'status'", Ok);
        if (status != ApiResultStatus.Ok)
        {
            throw ProviderAnswer.Failed(KindOf(status), Ok, NullIfEmpty(answer.ErrorType), answer.Message ?? answer.DisplayMessage);
        }

        var content = answer.Content ?? throw ProviderAnswer.Invalid("the answer has no 'content'", Ok);
        var amounts = new List<BalanceAmount>();
        foreach (var balance in content.Balances ?? [])
        {
            if (balance is null)
            {
                throw ProviderAnswer.Invalid("'content.balances' holds null where a balance belongs", Ok);
            }

            var currency = ProviderAnswer.Currency(balance.CurrencyCode, "content.balances[].currencyCode", Ok);
            AddIfGiven(amounts, AmountKinds.Cash, balance.Cash, currency);
            AddIfGiven(amounts, AmountKinds.BuyingPower, balance.BuyingPower, currency);
            AddIfGiven(amounts, AmountKinds.CryptoBuyingPower, balance.CryptocurrencyBuyingPower, currency);
        }

        amounts.Add(new BalanceAmount(AmountKinds.TotalCash, content.TotalCashUsdValue, Usd, IsPrimary: true));
        amounts.Add(new BalanceAmount(AmountKinds.TotalBuyingPower, content.TotalBuyingPowerUsdValue, Usd, IsPrimary: false));
        return new ProviderBalance(amounts);
    }

    private static void AddIfGiven(List<BalanceAmount> amounts, string kind, decimal? amount, string currency)
    {
        if (amount is not null)
        {
            amounts.Add(new BalanceAmount(kind, amount, currency, IsPrimary: false));
        }
    }

    private static BalanceErrorKind KindOf(ApiResultStatus status) => status switch
    {
        ApiResultStatus.PermissionDenied => BalanceErrorKind.Forbidden,
        ApiResultStatus.BadRequest => BalanceErrorKind.BadRequest,
        ApiResultStatus.NotFound => BalanceErrorKind.NotFound,
        ApiResultStatus.TooManyRequest => BalanceErrorKind.RateLimited,
        ApiResultStatus.ServerFailure => BalanceErrorKind.Unavailable,
        _ => BalanceErrorKind.ProviderError,
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
