using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using BalanceClients.Generated.Antgst;

namespace BalanceClients.Providers.Antgst;

/// <summary>Antgst: <c>POST /user/account/balance</c> with the auth secret in the body; failures are a <c>code</c> in the body.</summary>
internal sealed class AntgstBalanceProvider : BalanceProvider<AntgstCredentials>
{
    private const int Ok = 200;
    private const int AuthSecretError = -22;

    /// <inheritdoc />
    public override ProviderDescriptor Descriptor { get; } = new(
        ProviderIds.Antgst,
        "Antgst",
        new Uri("https://api.antgst.com"),
        [AmountKinds.Sms, AmountKinds.Voip],
        AmountKinds.Sms,
        [
            new CredentialField(
                AntgstCredentials.AuthSecretKey,
                "ANTGST_AUTH_SECRET",
                credentials => ((AntgstCredentials)credentials).AuthSecret),
        ],
        values => new AntgstCredentials(values[AntgstCredentials.AuthSecretKey]));

    /// <inheritdoc />
    public override Type ErrorBodyType => typeof(AntgstBalanceResponse);

    /// <inheritdoc />
    public override ProviderFailure? DescribeFailure(object errorBody) =>
        errorBody is AntgstBalanceResponse answer ? new ProviderFailure(KindOf(answer.Code), CodeText(answer.Code), answer.Msg) : null;

    /// <inheritdoc />
    public override void AddGeneratedClient(IHttpClientBuilder httpClient) =>
        httpClient.AddTypedClient<IAntgstClient>(
            (http, services) => new AntgstClient(http) { BaseUrl = PrepareGeneratedClient(http, services) });

    /// <inheritdoc />
    protected override async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        AntgstCredentials credentials,
        CancellationToken cancellationToken)
    {
        var client = new AntgstClient(httpClient) { BaseUrl = baseUrl };
        var request = new AntgstBalanceRequest { AuthSecret = credentials.AuthSecret };
        var answer = await client.GetBalanceAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer.Code != Ok)
        {
            throw ProviderAnswer.Failed(KindOf(answer.Code), Ok, CodeText(answer.Code), answer.Msg);
        }

        var result = answer.Result ?? throw ProviderAnswer.Invalid("the answer has no 'result'", Ok);
        var currency = ProviderAnswer.Currency(result.Currency, "result.currency", Ok);
        return new ProviderBalance(
        [
            new BalanceAmount(AmountKinds.Sms, result.SmsBalance, currency, IsPrimary: true),
            new BalanceAmount(AmountKinds.Voip, result.VoipBalance, currency, IsPrimary: false),
        ]);
    }

    // Only -22 is documented; Antgst's table of error codes is not published with the endpoint.
    private static BalanceErrorKind KindOf(int code) => code switch
    {
        AuthSecretError => BalanceErrorKind.Unauthorized,
        _ => BalanceErrorKind.ProviderError,
    };

    private static string CodeText(int code) => code.ToString(CultureInfo.InvariantCulture);
}
