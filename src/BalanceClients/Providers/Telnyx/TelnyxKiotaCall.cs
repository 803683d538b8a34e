using BalanceClients.Generated.Telnyx.Kiota;
using BalanceClients.Generated.Telnyx.Kiota.Models;
using BalanceClients.Generation;
using BalanceClients.Generation.Kiota;

namespace BalanceClients.Providers.Telnyx;

/// <summary>Telnyx's balance through its Kiota client.</summary>
internal sealed class TelnyxKiotaCall : IBalanceCall<ApiKeyCredentials>
{
    /// <inheritdoc />
    public async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        ApiKeyCredentials credentials,
        CancellationToken cancellationToken)
    {
        var sender = new KiotaSender(httpClient, baseUrl);
        var client = new TelnyxApiClient(sender.Adapter);
        var answer = await sender.SendAsync(
            client.Balance.ToGetRequestInformation(),
            UserBalanceResponse.CreateFromDiscriminatorValue,
            cancellationToken).ConfigureAwait(false);
        var data = answer.Data ?? throw ProviderAnswer.Invalid("the answer has no 'data'", TelnyxBalanceProvider.Ok);
        return TelnyxBalanceProvider.Read(data.Currency, data.Balance, data.Pending, data.CreditLimit, data.AvailableCredit);
    }

    /// <inheritdoc />
    public ProviderFailure? DescribeFailure(ApiException answer) =>
        KiotaSender.ReadErrorBody(answer, Billing_Errors.CreateFromDiscriminatorValue)?.Errors?.FirstOrDefault(error => error is not null)
            is { } first
            ? TelnyxBalanceProvider.Failure(first.Code, first.Title, first.Detail)
            : null;
}
