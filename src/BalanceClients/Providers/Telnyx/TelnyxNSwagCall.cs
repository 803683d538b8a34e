using BalanceClients.Generated.Telnyx;
using BalanceClients.Generation;

namespace BalanceClients.Providers.Telnyx;

/// <summary>Telnyx's balance through its NSwag client.</summary>
internal sealed class TelnyxNSwagCall : IBalanceCall<ApiKeyCredentials>
{
    /// <inheritdoc />
    public async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        ApiKeyCredentials credentials,
        CancellationToken cancellationToken)
    {
        var client = new TelnyxClient(httpClient) { BaseUrl = baseUrl };
        var answer = await client.GetUserBalanceAsync(cancellationToken).ConfigureAwait(false);
        var data = answer.Data ?? throw ProviderAnswer.Invalid("the answer has no 'data'", TelnyxBalanceProvider.Ok);
        return TelnyxBalanceProvider.Read(data.Currency, data.Balance, data.Pending, data.Credit_limit, data.Available_credit);
    }

    /// <inheritdoc />
    public ProviderFailure? DescribeFailure(ApiException answer) =>
        GeneratedClientJson.ErrorBody<Billing_Errors>(answer)?.Errors?.FirstOrDefault(error => error is not null) is { } first
            ? TelnyxBalanceProvider.Failure(first.Code, first.Title, first.Detail)
            : null;
}
