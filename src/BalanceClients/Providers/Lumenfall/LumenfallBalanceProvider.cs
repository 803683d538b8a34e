using BalanceClients.Generated.Lumenfall;
using BalanceClients.Generated.Lumenfall.Kiota;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Providers.Lumenfall;

/// <summary>
/// Lumenfall: <c>GET /v1/balance</c> with a bearer token; a postpaid or temporarily unknown balance is <see langword="null"/>.
/// </summary>
internal sealed class LumenfallBalanceProvider : BalanceProvider<ApiKeyCredentials>
{
    /// <summary>The HTTP status of every answer the adapter reads amounts from.</summary>
    internal const int Ok = 200;

    private const string Prepaid = "prepaid";

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
    protected override IBalanceCall<ApiKeyCredentials> Call { get; } =
        GeneratedClients.AreKiota ? new LumenfallKiotaCall() : new LumenfallNSwagCall();

    /// <inheritdoc />
    public override void AddGeneratedClients(IHttpClientBuilder httpClient) =>
        AddGeneratedClients<ILumenfallClient, LumenfallApiClient>(
            httpClient,
            (http, baseUrl) => new LumenfallClient(http) { BaseUrl = baseUrl },
            adapter => new LumenfallApiClient(adapter));

    /// <inheritdoc />
    protected override void Authenticate(HttpClient httpClient, ApiKeyCredentials credentials) =>
        httpClient.DefaultRequestHeaders.Authorization = new("Bearer", credentials.ApiKey);

    /// <summary>Reads the amount of an answer, whichever client read it.</summary>
    /// <param name="billingType">Its <c>billing_type</c>, as the spec names it.</param>
    /// <param name="amount">Its <c>available.amount</c>.</param>
    /// <param name="currency">Its <c>available.currency</c>.</param>
    /// <returns>The amount, and the billing type.</returns>
    /// <exception cref="BalanceException">The currency is not a code, or a prepaid account has no amount.</exception>
    internal static ProviderBalance Read(string billingType, decimal? amount, string? currency)
    {
        var code = ProviderAnswer.Currency(currency, "available.currency", Ok);
        var prepaid = billingType == Prepaid;
        if (prepaid && amount is null)
        {
            // Its docs allow this "if the balance is temporarily unavailable"; there is no balance to report then, and no zero to invent.
            throw new BalanceException(new BalanceError(
                BalanceErrorKind.InvalidResponse,
                Ok,
                null,
                "Lumenfall gave no amount for a prepaid account (its balance is temporarily unavailable)."));
        }

        return new ProviderBalance(
            [new BalanceAmount(AmountKinds.Available, amount, code, IsPrimary: true)],
            prepaid ? Prepaid : "postpaid");
    }
}
