using BalanceClients.Generated.Lumenfall.Kiota;
using BalanceClients.Generated.Lumenfall.Kiota.Models;
using BalanceClients.Generation;
using BalanceClients.Generation.Kiota;

namespace BalanceClients.Providers.Lumenfall;

/// <summary>
/// Lumenfall's balance through its Kiota client. Its <c>billing_type</c> and <c>available</c> are required
/// (<see cref="IRequiredProperties"/>): read, they are never <see langword="null"/>.
/// </summary>
internal sealed class LumenfallKiotaCall : IBalanceCall<ApiKeyCredentials>
{
    /// <inheritdoc />
    public async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        ApiKeyCredentials credentials,
        CancellationToken cancellationToken)
    {
        var sender = new KiotaSender(httpClient, baseUrl);
        var client = new LumenfallApiClient(sender.Adapter);
        var answer = await sender.SendAsync(
            client.V1.Balance.ToGetRequestInformation(),
            LumenfallBalance.CreateFromDiscriminatorValue,
            cancellationToken).ConfigureAwait(false);
        return LumenfallBalanceProvider.Read(
            EnumNames<LumenfallBillingType>.NameOf(answer.BillingType)!, answer.Available!.Amount, answer.Available.Currency);
    }

    /// <inheritdoc />
    public ProviderFailure? DescribeFailure(ApiException answer) => null;
}
