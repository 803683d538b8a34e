using BalanceClients.Generation;
using BalanceClients.Generated.Lumenfall;

namespace BalanceClients.Tests.Generated;

public sealed class LumenfallClientTests : IDisposable
{
    private readonly GeneratedClientFixture _fixture = new("lumenfall", "/v1/balance", "get");

    [Fact]
    public async Task GetBalanceAsync_SendsGetToNativePath()
    {
        _fixture.RespondWithExample(200, "prepaid");
        _fixture.HttpClient.DefaultRequestHeaders.Authorization = new("Bearer", "l-1");

        await GetBalanceAsync();

        var request = _fixture.Request;
        Assert.Equal("GET", request.Method);
        Assert.Equal("https://api.lumenfall.ai/v1/balance", request.Uri.ToString());
        Assert.Equal("Bearer l-1", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task GetBalanceAsync_PrepaidExample_ParsesExactDecimal()
    {
        _fixture.RespondWithExample(200, "prepaid");

        var answer = await GetBalanceAsync();

        Assert.Equal(LumenfallBillingType.Prepaid, answer.Billing_type);
        Assert.Equal(12.50m, answer.Available.Amount);
        Assert.Equal("12.50", answer.Available.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("usd", answer.Available.Currency);
    }

    [Fact]
    public async Task GetBalanceAsync_PostpaidExample_ParsesNullAmount()
    {
        _fixture.RespondWithExample(200, "postpaid");

        var answer = await GetBalanceAsync();

        Assert.Equal(LumenfallBillingType.Postpaid, answer.Billing_type);
        Assert.Null(answer.Available.Amount);
    }

    [Fact]
    public async Task GetBalanceAsync_UnknownBillingType_ThrowsApiException()
    {
        _fixture.Handler.Respond(200, """{"object":"balance","billing_type":"enterprise","available":{"amount":1,"currency":"usd"}}""");

        await Assert.ThrowsAsync<ApiException>(GetBalanceAsync);
    }

    public void Dispose() => _fixture.Dispose();

    private Task<LumenfallBalance> GetBalanceAsync() => new LumenfallClient(_fixture.HttpClient).GetBalanceAsync(CancellationToken.None);
}
