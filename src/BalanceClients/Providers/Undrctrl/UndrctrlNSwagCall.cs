using BalanceClients.Generated.Undrctrl;
using BalanceClients.Generation;

namespace BalanceClients.Providers.Undrctrl;

/// <summary>UNDRCTRL's balance through its NSwag client.</summary>
internal sealed class UndrctrlNSwagCall : IBalanceCall<ApiKeyCredentials>
{
    /// <inheritdoc />
    public async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        ApiKeyCredentials credentials,
        CancellationToken cancellationToken)
    {
        var client = new UndrctrlClient(httpClient) { BaseUrl = baseUrl };
        var request = new UndrctrlBalanceRequest { Key = credentials.ApiKey, Action = UndrctrlBalanceProvider.Action };
        var answer = await client.GetBalanceAsync(request, cancellationToken).ConfigureAwait(false);
        return UndrctrlBalanceProvider.Read(
            answer.AdditionalProperties.TryGetValue(UndrctrlBalanceProvider.ErrorKey, out var error) ? error : null,
            answer.Balance,
            answer.Currency);
    }

    /// <inheritdoc />
    public ProviderFailure? DescribeFailure(ApiException answer) =>
        UndrctrlBalanceProvider.Failure(GeneratedClientJson.ErrorBody<UndrctrlError>(answer)?.Error);
}
