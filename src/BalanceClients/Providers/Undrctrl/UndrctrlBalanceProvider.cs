using BalanceClients.Generated.Undrctrl;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Providers.Undrctrl;

/// <summary>UNDRCTRL: <c>POST /api/v2/</c> with the key and <c>action: balance</c> in the body; money as text.</summary>
internal sealed class UndrctrlBalanceProvider : BalanceProvider<ApiKeyCredentials>
{
    private const int Ok = 200;

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
    public override Type ErrorBodyType => typeof(UndrctrlError);

    /// <inheritdoc />
    public override ProviderFailure? DescribeFailure(object errorBody) =>
        errorBody is UndrctrlError { Error: { } message } ? new ProviderFailure(null, null, message) : null;

    /// <inheritdoc />
    public override void AddGeneratedClient(IHttpClientBuilder httpClient) =>
        httpClient.AddTypedClient<IUndrctrlClient>(
            (http, services) => new UndrctrlClient(http) { BaseUrl = PrepareGeneratedClient(http, services) });

    /// <inheritdoc />
    protected override async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        ApiKeyCredentials credentials,
        CancellationToken cancellationToken)
    {
        var client = new UndrctrlClient(httpClient) { BaseUrl = baseUrl };
        var request = new UndrctrlBalanceRequest { Key = credentials.ApiKey, Action = "balance" };
        var answer = await client.GetBalanceAsync(request, cancellationToken).ConfigureAwait(false);

        // UNDRCTRL may answer a failure with HTTP 200 and the body of its 401/404 answers.
        if (answer.AdditionalProperties.TryGetValue("error", out var error))
        {
            var message = error?.ToString();
            throw ProviderAnswer.Failed(KindOf(message), Ok, null, message);
        }

        var amount = MoneyText.Parse(answer.Balance, "balance", Ok);
        var currency = ProviderAnswer.Currency(answer.Currency, "currency", Ok);
        return new ProviderBalance([new BalanceAmount(AmountKinds.Balance, amount, currency, IsPrimary: true)]);
    }

    // The messages of the documented 401 and 404 answers.
    private static BalanceErrorKind KindOf(string? message) => message switch
    {
        "Invalid API key" => BalanceErrorKind.Unauthorized,
        "Incorrect request" => BalanceErrorKind.NotFound,
        _ => BalanceErrorKind.ProviderError,
    };
}
