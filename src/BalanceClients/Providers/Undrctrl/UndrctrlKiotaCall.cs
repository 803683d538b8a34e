using BalanceClients.Generated.Undrctrl.Kiota;
using BalanceClients.Generated.Undrctrl.Kiota.Models;
using BalanceClients.Generation;
using BalanceClients.Generation.Kiota;

namespace BalanceClients.Providers.Undrctrl;

/// <summary>UNDRCTRL's balance through its Kiota client.</summary>
internal sealed class UndrctrlKiotaCall : IBalanceCall<ApiKeyCredentials>
{
    /// <inheritdoc />
    public async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        ApiKeyCredentials credentials,
        CancellationToken cancellationToken)
    {
        var sender = new KiotaSender(httpClient, baseUrl);
        var client = new UndrctrlApiClient(sender.Adapter);
        var request = new UndrctrlBalanceRequest { Key = credentials.ApiKey, Action = UndrctrlBalanceProvider.Action };
        var answer = await sender.SendAsync(
            client.Api.V2.EmptyPathSegment.ToPostRequestInformation(request),
            UndrctrlBalance.CreateFromDiscriminatorValue,
            cancellationToken).ConfigureAwait(false);
        return UndrctrlBalanceProvider.Read(
            answer.AdditionalData.TryGetValue(UndrctrlBalanceProvider.ErrorKey, out var error) ? error : null,
            answer.Balance,
            answer.Currency);
    }

    /// <inheritdoc />
    public ProviderFailure? DescribeFailure(ApiException answer) =>
        UndrctrlBalanceProvider.Failure(KiotaSender.ReadErrorBody(answer, UndrctrlError.CreateFromDiscriminatorValue)?.Error);
}
