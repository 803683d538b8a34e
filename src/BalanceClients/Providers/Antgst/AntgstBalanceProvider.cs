using System.Globalization;
using BalanceClients.Generated.Antgst;
using BalanceClients.Generated.Antgst.Kiota;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Providers.Antgst;

/// <summary>Antgst: <c>POST /user/account/balance</c> with the auth secret in the body; failures are a <c>code</c> in the body.</summary>
internal sealed class AntgstBalanceProvider : BalanceProvider<AntgstCredentials>
{
    /// <summary>The HTTP status of every answer the adapter reads amounts from, and the body's <c>code</c> of a success.</summary>
    internal const int Ok = 200;

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
    protected override IBalanceCall<AntgstCredentials> Call { get; } =
        GeneratedClients.AreKiota ? new AntgstKiotaCall() : new AntgstNSwagCall();

    /// <inheritdoc />
    public override void AddGeneratedClients(IHttpClientBuilder httpClient) =>
        AddGeneratedClients<IAntgstClient, AntgstApiClient>(
            httpClient,
            (http, baseUrl) => new AntgstClient(http) { BaseUrl = baseUrl },
            adapter => new AntgstApiClient(adapter));

    /// <summary>Fails with what the body says, unless its <c>code</c> says success.</summary>
    /// <param name="code">The body's <c>code</c>.</param>
    /// <param name="message">Its <c>msg</c>.</param>
    /// <exception cref="BalanceException">The code is not a success.</exception>
    internal static void ThrowIfFailed(int code, string? message)
    {
        if (code != Ok)
        {
            throw ProviderAnswer.Failed(KindOf(code), Ok, CodeText(code), message);
        }
    }

    /// <summary>Reads the amounts of a successful answer's <c>result</c>, whichever client read it.</summary>
    /// <param name="sms">Its <c>smsBalance</c>.</param>
    /// <param name="voip">Its <c>voipBalance</c>.</param>
    /// <param name="currency">Its <c>currency</c>.</param>
    /// <returns>The amounts.</returns>
    /// <exception cref="BalanceException">The currency is not a code.</exception>
    internal static ProviderBalance Read(decimal sms, decimal voip, string? currency)
    {
        var code = ProviderAnswer.Currency(currency, "result.currency", Ok);
        return new ProviderBalance(
        [
            new BalanceAmount(AmountKinds.Sms, sms, code, IsPrimary: true),
            new BalanceAmount(AmountKinds.Voip, voip, code, IsPrimary: false),
        ]);
    }

    /// <summary>What an error body says.</summary>
    /// <param name="code">Its <c>code</c>.</param>
    /// <param name="message">Its <c>msg</c>.</param>
    /// <returns>The failure.</returns>
    internal static ProviderFailure Failure(int code, string? message) => new(KindOf(code), CodeText(code), message);

    // Only -22 is documented; Antgst's table of error codes is not published with the endpoint.
    private static BalanceErrorKind KindOf(int code) => code switch
    {
        AuthSecretError => BalanceErrorKind.Unauthorized,
        _ => BalanceErrorKind.ProviderError,
    };

    private static string CodeText(int code) => code.ToString(CultureInfo.InvariantCulture);
}
