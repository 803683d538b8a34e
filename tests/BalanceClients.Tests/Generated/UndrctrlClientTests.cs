using System.Text.Json;
using BalanceClients.Generated;
using BalanceClients.Generated.Undrctrl;

namespace BalanceClients.Tests.Generated;

public sealed class UndrctrlClientTests
{
    [Fact]
    public async Task GetBalanceAsync_SendsKeyAndActionAsJsonPost()
    {
        using var fixture = new GeneratedClientFixture("undrctrl");
        fixture.Handler.Respond(200, fixture.Spec.Response("/api/v2/", "post", "200"));
        var client = new UndrctrlClient(fixture.HttpClient);

        await client.GetBalanceAsync(new UndrctrlBalanceRequest { Key = "k-123", Action = "balance" }, CancellationToken.None);

        var request = fixture.Request;
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://undrctrl.id/api/v2/", request.Uri.ToString());
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Equal("""{"key":"k-123","action":"balance"}""", request.Body);
    }

    [Fact]
    public async Task GetBalanceAsync_SuccessExample_ParsesExactText()
    {
        using var fixture = new GeneratedClientFixture("undrctrl");
        fixture.Handler.Respond(200, fixture.Spec.Response("/api/v2/", "post", "200"));

        var balance = await new UndrctrlClient(fixture.HttpClient).GetBalanceAsync(new UndrctrlBalanceRequest { Key = "k", Action = "balance" }, CancellationToken.None);

        Assert.Equal("1000.92", balance.Balance);
        Assert.Equal(1000.92m, decimal.Parse(balance.Balance!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("IDR", balance.Currency);
    }

    [Theory]
    [InlineData("401", 401, "Invalid API key")]
    [InlineData("404", 404, "Incorrect request")]
    public async Task GetBalanceAsync_DocumentedError_ThrowsTypedException(string response, int status, string message)
    {
        using var fixture = new GeneratedClientFixture("undrctrl");
        fixture.Handler.Respond(status, fixture.Spec.Response("/api/v2/", "post", response));

        var exception = await Assert.ThrowsAsync<ApiException<UndrctrlError>>(
            () => new UndrctrlClient(fixture.HttpClient).GetBalanceAsync(new UndrctrlBalanceRequest { Key = "k", Action = "balance" }, CancellationToken.None));

        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(message, exception.Result.Error);
    }

    [Fact]
    public async Task GetBalanceAsync_NumberWhereSpecSaysString_ThrowsApiException()
    {
        using var fixture = new GeneratedClientFixture("undrctrl");
        fixture.Handler.Respond(200, """{"balance": 1000.92, "currency": "IDR"}""");

        var exception = await Assert.ThrowsAsync<ApiException>(
            () => new UndrctrlClient(fixture.HttpClient).GetBalanceAsync(new UndrctrlBalanceRequest { Key = "k", Action = "balance" }, CancellationToken.None));

        Assert.IsType<JsonException>(exception.InnerException);
    }
}
