using System.Text.Json;
using BalanceClients.Generation;
using BalanceClients.Generated.Undrctrl;

namespace BalanceClients.Tests.Generated;

public sealed class UndrctrlClientTests : IDisposable
{
    private readonly GeneratedClientFixture _fixture = new("undrctrl", "/api/v2/", "post");

    [Fact]
    public async Task GetBalanceAsync_SendsKeyAndActionAsJsonPost()
    {
        _fixture.RespondWithExample(200);

        await GetBalanceAsync("k-123");

        var request = _fixture.Request;
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://undrctrl.id/api/v2/", request.Uri.ToString());
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Equal("""{"key":"k-123","action":"balance"}""", request.Body);
    }

    [Fact]
    public async Task GetBalanceAsync_SuccessExample_ParsesExactText()
    {
        _fixture.RespondWithExample(200);

        var balance = await GetBalanceAsync();

        Assert.Equal("1000.92", balance.Balance);
        Assert.Equal(1000.92m, decimal.Parse(balance.Balance!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("IDR", balance.Currency);
    }

    [Theory]
    [InlineData("401", 401, "Invalid API key")]
    [InlineData("404", 404, "Incorrect request")]
    public async Task GetBalanceAsync_DocumentedError_ThrowsTypedException(string response, int status, string message)
    {
        _fixture.Handler.Respond(status, _fixture.Spec.Response("/api/v2/", "post", response));

        var exception = await Assert.ThrowsAsync<ApiException<UndrctrlError>>(() => GetBalanceAsync());

        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(message, exception.Result.Error);
    }

    [Fact]
    public async Task GetBalanceAsync_NumberWhereSpecSaysString_ThrowsApiException()
    {
        _fixture.Handler.Respond(200, """{"balance": 1000.92, "currency": "IDR"}""");

        var exception = await Assert.ThrowsAsync<ApiException>(() => GetBalanceAsync());

        Assert.IsType<JsonException>(exception.InnerException);
    }

    public void Dispose() => _fixture.Dispose();

    private Task<UndrctrlBalance> GetBalanceAsync(string key = "k") =>
        new UndrctrlClient(_fixture.HttpClient).GetBalanceAsync(
            new UndrctrlBalanceRequest { Key = key, Action = "balance" },
            CancellationToken.None);
}
