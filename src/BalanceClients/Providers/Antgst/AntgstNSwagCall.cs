using BalanceClients.Generated.Antgst;
using BalanceClients.Generation;

namespace BalanceClients.Providers.Antgst;

/// <summary>Antgst's balance through its NSwag client.</summary>
internal sealed class AntgstNSwagCall : IBalanceCall<AntgstCredentials>
{
    /// <inheritdoc />
    public async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        AntgstCredentials credentials,
        CancellationToken cancellationToken)
    {
        var client = new AntgstClient(httpClient) { BaseUrl = baseUrl };
        var request = new AntgstBalanceRequest { AuthSecret = credentials.AuthSecret };
        var answer = await client.GetBalanceAsync(request, cancellationToken).ConfigureAwait(false);
        AntgstBalanceProvider.ThrowIfFailed(answer.Code, answer.Msg);
        var result = answer.Result ?? throw ProviderAnswer.Invalid("the answer has no 'result'", AntgstBalanceProvider.Ok);
        return AntgstBalanceProvider.Read(result.SmsBalance, result.VoipBalance, result.Currency);
    }

    /// <inheritdoc />
    public ProviderFailure? DescribeFailure(ApiException answer) =>
        GeneratedClientJson.ErrorBody<AntgstBalanceResponse>(answer) is { } body
            ? AntgstBalanceProvider.Failure(body.Code, body.Msg)
            : null;
}
