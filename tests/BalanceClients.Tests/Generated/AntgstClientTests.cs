using BalanceClients.Generation;
using BalanceClients.Generated.Antgst;

namespace BalanceClients.Tests.Generated;

public sealed class AntgstClientTests : IDisposable
{
    private readonly GeneratedClientFixture _fixture = new("antgst", "/user/account/balance", "post");

    [Fact]
    public async Task GetBalanceAsync_SendsAuthSecretAsJsonPost()
    {
        _fixture.RespondWithExample(200, "success");

        await GetBalanceAsync("s-1");

        var request = _fixture.Request;
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://api.antgst.com/user/account/balance", request.Uri.ToString());
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("""{"authSecret":"s-1"}""", request.Body);
    }

    [Fact]
    public async Task GetBalanceAsync_SuccessExample_ParsesExactDecimals()
    {
        _fixture.RespondWithExample(200, "success");

        var answer = await GetBalanceAsync();

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
        _fixture.RespondWithExample(200, "authSecretError");

        var answer = await GetBalanceAsync();

        Assert.Equal(-22, answer.Code);
        Assert.Equal("auth secret error!", answer.Msg);
        Assert.Null(answer.Result);
    }

    [Fact]
    public async Task GetBalanceAsync_Http400Example_ThrowsTypedException()
    {
        _fixture.RespondWithExample(400);

        var exception = await Assert.ThrowsAsync<ApiException<AntgstBalanceResponse>>(() => GetBalanceAsync());

        Assert.Equal(-22, exception.Result.Code);
    }

    [Fact]
    public async Task GetBalanceAsync_RequiredCodeMissing_ThrowsApiException()
    {
        _fixture.Handler.Respond(200, """{"msg": "SUCCESS"}""");

        await Assert.ThrowsAsync<ApiException>(() => GetBalanceAsync());
    }

    public void Dispose() => _fixture.Dispose();

    private Task<AntgstBalanceResponse> GetBalanceAsync(string authSecret = "s") =>
        new AntgstClient(_fixture.HttpClient).GetBalanceAsync(new AntgstBalanceRequest { AuthSecret = authSecret }, CancellationToken.None);
}
