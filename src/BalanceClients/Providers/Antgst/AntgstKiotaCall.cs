using BalanceClients.Generated.Antgst.Kiota;
using BalanceClients.Generated.Antgst.Kiota.Models;
using BalanceClients.Generation;
using BalanceClients.Generation.Kiota;

namespace BalanceClients.Providers.Antgst;

/// <summary>
/// Antgst's balance through its Kiota client. Its <c>code</c>, <c>smsBalance</c> and <c>voipBalance</c> are required
/// (<see cref="IRequiredProperties"/>): read, they are never <see langword="null"/>.
/// </summary>
internal sealed class AntgstKiotaCall : IBalanceCall<AntgstCredentials>
{
    /// <inheritdoc />
    public async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        AntgstCredentials credentials,
        CancellationToken cancellationToken)
    {
        var sender = new KiotaSender(httpClient, baseUrl);
        var client = new AntgstApiClient(sender.Adapter);
        var request = new AntgstBalanceRequest { AuthSecret = credentials.AuthSecret };
        var answer = await sender.SendAsync(
            client.User.Account.Balance.ToPostRequestInformation(request),
            AntgstBalanceResponse.CreateFromDiscriminatorValue,
            cancellationToken).ConfigureAwait(false);
        AntgstBalanceProvider.ThrowIfFailed(answer.Code!.Value, answer.Msg);
        var result = answer.Result ?? throw ProviderAnswer.Invalid("the answer has no 'result'", AntgstBalanceProvider.Ok);
        return AntgstBalanceProvider.Read(result.SmsBalance!.Value, result.VoipBalance!.Value, result.Currency);
    }

    /// <inheritdoc />
    public ProviderFailure? DescribeFailure(ApiException answer) =>
        KiotaSender.ReadErrorBody(answer, AntgstBalanceResponse.CreateFromDiscriminatorValue) is { } body
            ? AntgstBalanceProvider.Failure(body.Code!.Value, body.Msg)
            : null;
}
