using BalanceClients.Generated;
using BalanceClients.Generated.Lumenfall;

namespace BalanceClients.Tests.Generated;

public sealed class LumenfallClientTests
{
    [Fact]
    public async Task GetBalanceAsync_SendsGetToNativePath()
    {
        using var fixture = new GeneratedClientFixture("lumenfall");
        fixture.Handler.Respond(200, fixture.Spec.Response("/v1/balance", "get", "200", "prepaid"));
        fixture.HttpClient.DefaultRequestHeaders.Authorization = new("Bearer", "l-1");

        await new LumenfallClient(fixture.HttpClient).GetBalanceAsync(CancellationToken.None);

        var request = fixture.Request;
        Assert.Equal("GET", request.Method);
        Assert.Equal("https://api.lumenfall.ai/v1/balance", request.Uri.ToString());
        Assert.Equal("Bearer l-1", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task GetBalanceAsync_PrepaidExample_ParsesExactDecimal()
    {
        using var fixture = new GeneratedClientFixture("lumenfall");
        fixture.Handler.Respond(200, fixture.Spec.Response("/v1/balance", "get", "200", "prepaid"));

        var answer = await new LumenfallClient(fixture.HttpClient).GetBalanceAsync(CancellationToken.None);

        Assert.Equal(LumenfallBillingType.Prepaid, answer.Billing_type);
        Assert.Equal(12.50m, answer.Available.Amount);
        Assert.Equal("12.50", answer.Available.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("usd", answer.Available.Currency);
    }

    [Fact]
    public async Task GetBalanceAsync_PostpaidExample_ParsesNullAmount()
    {
        using var fixture = new GeneratedClientFixture("lumenfall");
        fixture.Handler.Respond(200, fixture.Spec.Response("/v1/balance", "get", "200", "postpaid"));

        var answer = await new LumenfallClient(fixture.HttpClient).GetBalanceAsync(CancellationToken.None);

        Assert.Equal(LumenfallBillingType.Postpaid, answer.Billing_type);
        Assert.Null(answer.Available.Amount);
    }

    [Fact]
    public async Task GetBalanceAsync_UnknownBillingType_ThrowsApiException()
    {
        using var fixture = new GeneratedClientFixture("lumenfall");
        fixture.Handler.Respond(200, """{"object":"balance","billing_type":"enterprise","available":{"amount":1,"currency":"usd"}}""");

        await Assert.ThrowsAsync<ApiException>(() => new LumenfallClient(fixture.HttpClient).GetBalanceAsync(CancellationToken.None));
    }
}
