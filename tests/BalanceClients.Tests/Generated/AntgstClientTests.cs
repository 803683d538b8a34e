using BalanceClients.Generated;
using BalanceClients.Generated.Antgst;

namespace BalanceClients.Tests.Generated;

public sealed class AntgstClientTests
{
    [Fact]
    public async Task GetBalanceAsync_SendsAuthSecretAsJsonPost()
    {
        using var fixture = new GeneratedClientFixture("antgst");
        fixture.Handler.Respond(200, fixture.Spec.Response("/user/account/balance", "post", "200", "success"));

        await new AntgstClient(fixture.HttpClient).GetBalanceAsync(new AntgstBalanceRequest { AuthSecret = "s-1" }, CancellationToken.None);

        var request = fixture.Request;
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://api.antgst.com/user/account/balance", request.Uri.ToString());
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("""{"authSecret":"s-1"}""", request.Body);
    }

    [Fact]
    public async Task GetBalanceAsync_SuccessExample_ParsesExactDecimals()
    {
        using var fixture = new GeneratedClientFixture("antgst");
        fixture.Handler.Respond(200, fixture.Spec.Response("/user/account/balance", "post", "200", "success"));

        var answer = await new AntgstClient(fixture.HttpClient).GetBalanceAsync(new AntgstBalanceRequest { AuthSecret = "s" }, CancellationToken.None);

        Assert.Equal(200, answer.Code);
        Assert.Equal("SUCCESS", answer.Msg);
        Assert.Equal(-18.383m, answer.Result!.SmsBalance);
        Assert.Equal(0.0m, answer.Result.VoipBalance);
        Assert.Equal("0.0", answer.Result.VoipBalance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("CNY", answer.Result.Currency);
    }

    [Fact]
    public async Task GetBalanceAsync_ErrorInBodyOfHttp200_ParsesCodeAndNoResult()
    {
        using var fixture = new GeneratedClientFixture("antgst");
        fixture.Handler.Respond(200, fixture.Spec.Response("/user/account/balance", "post", "200", "authSecretError"));

        var answer = await new AntgstClient(fixture.HttpClient).GetBalanceAsync(new AntgstBalanceRequest { AuthSecret = "s" }, CancellationToken.None);

        Assert.Equal(-22, answer.Code);
        Assert.Equal("auth secret error!", answer.Msg);
        Assert.Null(answer.Result);
    }

    [Fact]
    public async Task GetBalanceAsync_Http400Example_ThrowsTypedException()
    {
        using var fixture = new GeneratedClientFixture("antgst");
        fixture.Handler.Respond(400, fixture.Spec.Response("/user/account/balance", "post", "400"));

        var exception = await Assert.ThrowsAsync<ApiException<AntgstBalanceResponse>>(
            () => new AntgstClient(fixture.HttpClient).GetBalanceAsync(new AntgstBalanceRequest { AuthSecret = "s" }, CancellationToken.None));

        Assert.Equal(-22, exception.Result.Code);
    }

    [Fact]
    public async Task GetBalanceAsync_RequiredCodeMissing_ThrowsApiException()
    {
        using var fixture = new GeneratedClientFixture("antgst");
        fixture.Handler.Respond(200, """{"msg": "SUCCESS"}""");

        await Assert.ThrowsAsync<ApiException>(
            () => new AntgstClient(fixture.HttpClient).GetBalanceAsync(new AntgstBalanceRequest { AuthSecret = "s" }, CancellationToken.None));
    }
}
