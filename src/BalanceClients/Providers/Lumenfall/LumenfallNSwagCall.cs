using BalanceClients.Generated.Lumenfall;
using BalanceClients.Generation;

namespace BalanceClients.Providers.Lumenfall;

/// <summary>Lumenfall's balance through its NSwag client.</summary>
internal sealed class LumenfallNSwagCall : IBalanceCall<ApiKeyCredentials>
{
    /// <inheritdoc />
    public async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        ApiKeyCredentials credentials,
        CancellationToken cancellationToken)
    {
        var client = new LumenfallClient(httpClient) { BaseUrl = baseUrl };
        var answer = await client.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
        return LumenfallBalanceProvider.Read(
            EnumNames<LumenfallBillingType>.NameOf(answer.Billing_type), answer.Available.Amount, answer.Available.Currency);
    }

    /// <inheritdoc />
    public ProviderFailure? DescribeFailure(ApiException answer) => null;
}
