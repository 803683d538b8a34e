using BalanceClients.Generated.Telnyx;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Providers.Telnyx;

/// <summary>Telnyx: <c>GET /balance</c> with a bearer token; money as text; errors as a JSON:API <c>errors</c> array.</summary>
internal sealed class TelnyxBalanceProvider : BalanceProvider<ApiKeyCredentials>
{
    private const int Ok = 200;

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
    public override Type ErrorBodyType => typeof(Billing_Errors);

    /// <inheritdoc />
    public override ProviderFailure? DescribeFailure(object errorBody)
    {
        var first = (errorBody as Billing_Errors)?.Errors?.FirstOrDefault(error => error is not null);
        if (first is null)
        {
            return null;
        }

        var message = string.IsNullOrWhiteSpace(first.Detail) ? first.Title : $"{first.Title}: {first.Detail}";
        return new ProviderFailure(null, first.Code, message);
    }

    /// <inheritdoc />
    public override void AddGeneratedClient(IHttpClientBuilder httpClient) =>
        httpClient.AddTypedClient<ITelnyxClient>(
            (http, services) => new TelnyxClient(http) { BaseUrl = PrepareGeneratedClient(http, services) });

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
        var client = new TelnyxClient(httpClient) { BaseUrl = baseUrl };
        var answer = await client.GetUserBalanceAsync(cancellationToken).ConfigureAwait(false);

        var data = answer.Data ?? throw ProviderAnswer.Invalid("the answer has no 'data'", Ok);
        var currency = ProviderAnswer.Currency(data.Currency, "data.currency", Ok);
        var balance = MoneyText.Parse(data.Balance, "data.balance", Ok);
        var pending = MoneyText.Parse(data.Pending, "data.pending", Ok);
        var creditLimit = MoneyText.Parse(data.Credit_limit, "data.credit_limit", Ok);
        var availableCredit = MoneyText.Parse(data.Available_credit, "data.available_credit", Ok);
        return new ProviderBalance(
        [
            new BalanceAmount(AmountKinds.Balance, balance, currency, IsPrimary: false),
            new BalanceAmount(AmountKinds.Pending, pending, currency, IsPrimary: false),
            new BalanceAmount(AmountKinds.CreditLimit, creditLimit, currency, IsPrimary: false),
            new BalanceAmount(AmountKinds.AvailableCredit, availableCredit, currency, IsPrimary: true),
        ]);
    }
}
