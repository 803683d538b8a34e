using BalanceClients.Generated.Lumenfall;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Providers.Lumenfall;

/// <summary>
/// Lumenfall: <c>GET /v1/balance</c> with a bearer token; a postpaid or temporarily unknown balance is <see langword="null"/>.
/// </summary>
internal sealed class LumenfallBalanceProvider : BalanceProvider<ApiKeyCredentials>
{
    private const int Ok = 200;

    /// <inheritdoc />
    public override ProviderDescriptor Descriptor { get; } = new(
        ProviderIds.Lumenfall,
        "Lumenfall",
        new Uri("https://api.lumenfall.ai"),
        [AmountKinds.Available],
        AmountKinds.Available,
        ApiKeyCredentials.Fields("LUMENFALL_API_KEY", sentInHeader: true),
        ApiKeyCredentials.From);

    /// <inheritdoc />
    public override void AddGeneratedClient(IHttpClientBuilder httpClient) =>
        httpClient.AddTypedClient<ILumenfallClient>(
            (http, services) => new LumenfallClient(http) { BaseUrl = PrepareGeneratedClient(http, services) });

    /// <inheritdoc />
    protected override void Authenticate(HttpClient httpClient, ApiKeyCredentials credentials) =>
        httpClient.DefaultRequestHeaders.Authorization = new("Bearer", credentials.ApiKey);

    /// <inheritdoc />
    protected override async Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        ApiKeyCredentials credentials,
        CancellationToken cancellationToken)
    {
        var client = new LumenfallClient(httpClient) { BaseUrl = baseUrl };
        var answer = await client.GetBalanceAsync(cancellationToken).ConfigureAwait(false);

        var currency = ProviderAnswer.Currency(answer.Available.Currency, "available.currency", Ok);
        var prepaid = answer.Billing_type == LumenfallBillingType.Prepaid;
        if (prepaid && answer.Available.Amount is null)
        {
            // Its docs allow this "if the balance is temporarily unavailable"; there is no balance to report then, and no zero to invent.
            throw new BalanceException(new BalanceError(
                BalanceErrorKind.InvalidResponse,
                Ok,
                null,
                "Lumenfall gave no amount for a prepaid account (its balance is temporarily unavailable)."));
        }

        var billingType = prepaid ? "prepaid" : "postpaid";
        return new ProviderBalance(
            [new BalanceAmount(AmountKinds.Available, answer.Available.Amount, currency, IsPrimary: true)],
            billingType);
    }
}
