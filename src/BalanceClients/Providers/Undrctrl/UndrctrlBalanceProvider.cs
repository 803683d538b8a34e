using BalanceClients.Generated.Undrctrl;
using BalanceClients.Generated.Undrctrl.Kiota;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Providers.Undrctrl;

/// <summary>UNDRCTRL: <c>POST /api/v2/</c> with the key and <c>action: balance</c> in the body; money as text.</summary>
internal sealed class UndrctrlBalanceProvider : BalanceProvider<ApiKeyCredentials>
{
    /// <summary>The HTTP status of every answer the adapter reads amounts from.</summary>
    internal const int Ok = 200;

    /// <summary>The request's <c>action</c>.</summary>
    internal const string Action = "balance";

    /// <summary>The key of the message of a failure UNDRCTRL answers with HTTP 200, as in the body of its 401 and 404 answers.</summary>
    internal const string ErrorKey = "error";

    /// <inheritdoc />
    public override ProviderDescriptor Descriptor { get; } = new(
        ProviderIds.Undrctrl,
        "UNDRCTRL",
        new Uri("https://undrctrl.id"),
        [AmountKinds.Balance],
        AmountKinds.Balance,
        ApiKeyCredentials.Fields("UNDRCTRL_API_KEY", sentInHeader: false),
        ApiKeyCredentials.From);

    /// <inheritdoc />
    protected override IBalanceCall<ApiKeyCredentials> Call { get; } =
        GeneratedClients.AreKiota ? new UndrctrlKiotaCall() : new UndrctrlNSwagCall();

    /// <inheritdoc />
    public override void AddGeneratedClients(IHttpClientBuilder httpClient) =>
        AddGeneratedClients<IUndrctrlClient, UndrctrlApiClient>(
            httpClient,
            (http, baseUrl) => new UndrctrlClient(http) { BaseUrl = baseUrl },
            adapter => new UndrctrlApiClient(adapter));

    /// <summary>Reads the amount of an answer, whichever client read it.</summary>
    /// <param name="error">The answer's <c>error</c> outside the spec (any JSON), if it has one.</param>
    /// <param name="balance">Its <c>balance</c>.</param>
    /// <param name="currency">Its <c>currency</c>.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="BalanceException">The answer is a failure, or its amount or currency does not fit the spec.</exception>
    internal static ProviderBalance Read(object? error, string? balance, string? currency)
    {
        // UNDRCTRL may answer a failure with HTTP 200 and the body of its 401/404 answers.
        if (error is not null)
        {
            var message = error.ToString();
            throw ProviderAnswer.Failed(KindOf(message), Ok, null, message);
        }

        var amount = MoneyText.Parse(balance, "balance", Ok);
        var code = ProviderAnswer.Currency(currency, "currency", Ok);
        return new ProviderBalance([new BalanceAmount(AmountKinds.Balance, amount, code, IsPrimary: true)]);
    }

    /// <summary>What an error body's message says.</summary>
    /// <param name="message">Its <c>error</c>.</param>
    /// <returns>The failure, or <see langword="null"/> without a message.</returns>
    internal static ProviderFailure? Failure(string? message) => message is null ? null : new ProviderFailure(null, null, message);

    // The messages of the documented 401 and 404 answers.
    private static BalanceErrorKind KindOf(string? message) => message switch
    {
        "Invalid API key" => BalanceErrorKind.Unauthorized,
        "Incorrect request" => BalanceErrorKind.NotFound,
        _ => BalanceErrorKind.ProviderError,
    };
}
