using BalanceClients.Generated.Mesh;
using BalanceClients.Generation;

namespace BalanceClients.Providers.Mesh;

/// <summary>Mesh Connect's balance through its NSwag client.</summary>
internal sealed class MeshNSwagCall : IBalanceCall<MeshCredentials>
{
    /// <inheritdoc />
    public async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        MeshCredentials credentials,
        CancellationToken cancellationToken)
    {
        var client = new MeshClient(httpClient) { BaseUrl = baseUrl };
        // MeshCredentials accepts only the spec's names, so this cannot fail.
        var brokerType = EnumNames<BrokerType>.TryParse(credentials.BrokerType, out var type) ? type : default;
        var request = new BalanceBrokerBaseRequest { AuthToken = credentials.AuthToken, Type = brokerType };
        var answer = await client.GetBalanceAsync(request, cancellationToken).ConfigureAwait(false);
        MeshBalanceProvider.ThrowIfFailed(Envelope(answer.Status, answer.ErrorType, answer.Message, answer.DisplayMessage));
        var content = answer.Content ?? throw ProviderAnswer.Invalid("the answer has no 'content'", MeshBalanceProvider.Ok);
        return MeshBalanceProvider.Read(
            content.Balances?.Select(Balance) ?? [], content.TotalCashUsdValue, content.TotalBuyingPowerUsdValue);
    }

    /// <inheritdoc />
    public ProviderFailure? DescribeFailure(ApiException answer) =>
        GeneratedClientJson.ErrorBody<ApiResult>(answer) is { } body
            ? MeshBalanceProvider.Failure(Envelope(body.Status, body.ErrorType, body.Message, body.DisplayMessage))
            : null;

    private static MeshBalanceProvider.Envelope Envelope(ApiResultStatus? status, string? errorType, string? message, string? display) =>
        new(EnumNames<ApiResultStatus>.NameOf(status), errorType, message, display);

    private static MeshBalanceProvider.Balance? Balance(B2BBrokerAccountBalance? balance) =>
        balance is null ? null : new(balance.CurrencyCode, balance.Cash, balance.BuyingPower, balance.CryptocurrencyBuyingPower);
}
