using BalanceClients.Generation;
using BalanceClients.Generated.Mesh;

namespace BalanceClients.Tests.Generated;

public sealed class MeshClientTests : IDisposable
{
    private readonly GeneratedClientFixture _fixture = new("mesh", "/api/v1/balance/get", "post");

    [Fact]
    public async Task GetBalanceAsync_SendsSpecNamesOfBrokerType()
    {
        _fixture.RespondWithExample(200);
        _fixture.HttpClient.DefaultRequestHeaders.Add("X-Client-Id", "id-1");
        _fixture.HttpClient.DefaultRequestHeaders.Add("X-Client-Secret", "secret-1");

        await GetBalanceAsync("token-1", BrokerType.BinanceInternationalDirect);

        var request = _fixture.Request;
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://integration-api.meshconnect.com/api/v1/balance/get", request.Uri.ToString());
        Assert.Equal(("id-1", "secret-1"), (request.Headers["X-Client-Id"], request.Headers["X-Client-Secret"]));
        Assert.Equal("""{"authToken":"token-1","type":"binanceInternationalDirect"}""", request.Body);
        var example = _fixture.Spec.Request("/api/v1/balance/get", "post");
        Assert.Equal(example.Replace("Secret authentication token", "token-1", StringComparison.Ordinal), request.Body);
    }

    [Fact]
    public async Task GetBalanceAsync_SuccessExample_ParsesEnvelopeAndExactDecimals()
    {
        _fixture.RespondWithExample(200);

        var answer = await GetBalanceAsync();

        Assert.Equal(ApiResultStatus.Ok, answer.Status);
        Assert.Equal("3ad8c4a4", answer.ErrorHash);
        var balances = answer.Content!.Balances!.ToList();
        Assert.Equal(
            (158.5m, 258.5m, (decimal?)null, "USD"),
            (balances[0].Cash, balances[0].BuyingPower, balances[0].CryptocurrencyBuyingPower, balances[0].CurrencyCode));
        Assert.Equal((10m, 10m, "EUR"), (balances[1].Cash, balances[1].BuyingPower, balances[1].CurrencyCode));
        Assert.Equal((10m, 10m), (answer.Content.TotalCashUsdValue, answer.Content.TotalBuyingPowerUsdValue));
    }

    [Fact]
    public async Task GetBalanceAsync_Http400Example_ThrowsTypedException()
    {
        _fixture.RespondWithExample(400);

        var exception = await Assert.ThrowsAsync<ApiException<ApiResult>>(() => GetBalanceAsync());

        Assert.Equal(
            (ApiResultStatus.BadRequest, "missingField", "Error message"),
            (exception.Result.Status, exception.Result.ErrorType, exception.Result.Message));
    }

    [Fact]
    public void BrokerType_CoversEveryValueOfTheReference()
    {
        Assert.Equal(59, Enum.GetValues<BrokerType>().Length);
    }

    public void Dispose() => _fixture.Dispose();

    private Task<B2BBrokerAccountBalanceModelApiResult> GetBalanceAsync(string authToken = "t", BrokerType type = BrokerType.Sandbox) =>
        new MeshClient(_fixture.HttpClient).GetBalanceAsync(
            new BalanceBrokerBaseRequest { AuthToken = authToken, Type = type },
            CancellationToken.None);
}
