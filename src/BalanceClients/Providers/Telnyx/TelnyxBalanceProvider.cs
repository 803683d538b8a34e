using BalanceClients.Generated.Telnyx;
using BalanceClients.Generated.Telnyx.Kiota;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Providers.Telnyx;

/// <summary>Telnyx: <c>GET /balance</c> with a bearer token; money as text; errors as a JSON:API <c>errors</c> array.</summary>
internal sealed class TelnyxBalanceProvider : BalanceProvider<ApiKeyCredentials>
{
    /// <summary>The HTTP status of every answer the adapter reads amounts from.</summary>
    internal const int Ok = 200;

    /// <inheritdoc />
    public override ProviderDescriptor Descriptor { get; } = new(
        ProviderIds.Telnyx,
        "Telnyx",
        new Uri("https://api.telnyx.com/v2"),
        [AmountKinds.Balance, AmountKinds.Pending, AmountKinds.CreditLimit, AmountKinds.AvailableCredit],
        AmountKinds.AvailableCredit,
        ApiKeyCredentials.Fields("TELNYX_API_KEY", sentInHeader: true),
        ApiKeyCredentials.From);

    /// <inheritdoc />
    protected override IBalanceCall<ApiKeyCredentials> Call { get; } =
        GeneratedClients.AreKiota ? new TelnyxKiotaCall() : new TelnyxNSwagCall();

    /// <inheritdoc />
    public override void AddGeneratedClients(IHttpClientBuilder httpClient) =>
        AddGeneratedClients<ITelnyxClient, TelnyxApiClient>(
            httpClient,
            (http, baseUrl) => new TelnyxClient(http) { BaseUrl = baseUrl },
            adapter => new TelnyxApiClient(adapter));

    /// <summary>Reads the amounts of an answer's <c>data</c>, whichever client read it.</summary>
    /// <param name="currency">Its <c>currency</c>.</param>
    /// <param name="balance">Its <c>balance</c>.</param>
    /// <param name="pending">Its <c>pending</c>.</param>
    /// <param name="creditLimit">Its <c>credit_limit</c>.</param>
    /// <param name="availableCredit">Its <c>available_credit</c>.</param>
    /// <returns>The amounts.</returns>
    /// <exception cref="BalanceException">A field is missing or not an exact decimal, or the currency is not a code.</exception>
    internal static ProviderBalance Read(string? currency, string? balance, string? pending, string? creditLimit, string? availableCredit)
    {
        var code = ProviderAnswer.Currency(currency, "data.currency", Ok);
        return new ProviderBalance(
        [
            new BalanceAmount(AmountKinds.Balance, MoneyText.Parse(balance, "data.balance", Ok), code, IsPrimary: false),
            new BalanceAmount(AmountKinds.Pending, MoneyText.Parse(pending, "data.pending", Ok), code, IsPrimary: false),
            new BalanceAmount(AmountKinds.CreditLimit, MoneyText.Parse(creditLimit, "data.credit_limit", Ok), code, IsPrimary: false),
            new BalanceAmount(
                AmountKinds.AvailableCredit, MoneyText.Parse(availableCredit, "data.available_credit", Ok), code, IsPrimary: true),
        ]);
    }

    /// <summary>What the first error of an error body says.</summary>
    /// <param name="code">Its <c>code</c>.</param>
    /// <param name="title">Its <c>title</c>.</param>
    /// <param name="detail">Its <c>detail</c>.</param>
    /// <returns>The failure.</returns>
    internal static ProviderFailure Failure(string? code, string? title, string? detail) =>
        new(null, code, string.IsNullOrWhiteSpace(detail) ? title : $"{title}: {detail}");

    /// <inheritdoc />
    protected override void Authenticate(HttpClient httpClient, ApiKeyCredentials credentials) =>
        httpClient.DefaultRequestHeaders.Authorization = new("Bearer", credentials.ApiKey);
}
