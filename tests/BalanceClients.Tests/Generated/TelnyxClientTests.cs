using BalanceClients.Generated;
using BalanceClients.Generated.Telnyx;

namespace BalanceClients.Tests.Generated;

public sealed class TelnyxClientTests
{
    [Fact]
    public async Task GetUserBalanceAsync_SendsGetWithNoBody()
    {
        using var fixture = new GeneratedClientFixture("telnyx");
        fixture.Handler.Respond(200, fixture.Spec.Response("/balance", "get", "200"));
        fixture.HttpClient.DefaultRequestHeaders.Authorization = new("Bearer", "t-1");

        await new TelnyxClient(fixture.HttpClient).GetUserBalanceAsync(CancellationToken.None);

        var request = fixture.Request;
        Assert.Equal("GET", request.Method);
        Assert.Equal("https://api.telnyx.com/v2/balance", request.Uri.ToString());
        Assert.Equal("Bearer t-1", request.Headers["Authorization"]);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task GetUserBalanceAsync_SuccessExample_ParsesExactText()
    {
        using var fixture = new GeneratedClientFixture("telnyx");
        fixture.Handler.Respond(200, fixture.Spec.Response("/balance", "get", "200"));

        var answer = await new TelnyxClient(fixture.HttpClient).GetUserBalanceAsync(CancellationToken.None);

        var data = answer.Data!;
        Assert.Equal(UserBalanceRecord_type.Balance, data.Record_type);
        Assert.Equal(("300.00", "10.00", "100.00", "400.00", "USD"), (data.Balance, data.Pending, data.Credit_limit, data.Available_credit, data.Currency));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(422)]
    [InlineData(503)]
    [InlineData(401)]
    public async Task GetUserBalanceAsync_ErrorsArray_ThrowsTypedException(int status)
    {
        using var fixture = new GeneratedClientFixture("telnyx");
        fixture.Handler.Respond(status, """{"errors":[{"code":"10010","title":"Forbidden","detail":"No access to balance."}]}""");

        var exception = await Assert.ThrowsAsync<ApiException<Billing_Errors>>(() => new TelnyxClient(fixture.HttpClient).GetUserBalanceAsync(CancellationToken.None));

        Assert.Equal(status, exception.StatusCode);
        var error = Assert.Single(exception.Result.Errors!);
        Assert.Equal(("10010", "Forbidden", "No access to balance."), (error.Code, error.Title, error.Detail));
    }
}
