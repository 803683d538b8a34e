using BalanceClients.Generation;
using BalanceClients.Generated.Telnyx;

namespace BalanceClients.Tests.Generated;

public sealed class TelnyxClientTests : IDisposable
{
    private readonly GeneratedClientFixture _fixture = new("telnyx", "/balance", "get");

    [Fact]
    public async Task GetUserBalanceAsync_SendsGetWithNoBody()
    {
        _fixture.RespondWithExample(200);
        _fixture.HttpClient.DefaultRequestHeaders.Authorization = new("Bearer", "t-1");

        await GetUserBalanceAsync();

        var request = _fixture.Request;
        Assert.Equal("GET", request.Method);
        Assert.Equal("https://api.telnyx.com/v2/balance", request.Uri.ToString());
        Assert.Equal("Bearer t-1", request.Headers["Authorization"]);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task GetUserBalanceAsync_SuccessExample_ParsesExactText()
    {
        _fixture.RespondWithExample(200);

        var answer = await GetUserBalanceAsync();

        var data = answer.Data!;
        Assert.Equal(UserBalanceRecord_type.Balance, data.Record_type);
        Assert.Equal(
            ("300.00", "10.00", "100.00", "400.00", "USD"),
            (data.Balance, data.Pending, data.Credit_limit, data.Available_credit, data.Currency));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(422)]
    [InlineData(503)]
    [InlineData(401)]
    public async Task GetUserBalanceAsync_ErrorsArray_ThrowsTypedException(int status)
    {
        _fixture.Handler.Respond(status, """{"errors":[{"code":"10010","title":"Forbidden","detail":"No access to balance."}]}""");

        var exception = await Assert.ThrowsAsync<ApiException<Billing_Errors>>(GetUserBalanceAsync);

        Assert.Equal(status, exception.StatusCode);
        var error = Assert.Single(exception.Result.Errors!);
        Assert.Equal(("10010", "Forbidden", "No access to balance."), (error.Code, error.Title, error.Detail));
    }

    public void Dispose() => _fixture.Dispose();

    private Task<UserBalanceResponse> GetUserBalanceAsync() =>
        new TelnyxClient(_fixture.HttpClient).GetUserBalanceAsync(CancellationToken.None);
}
