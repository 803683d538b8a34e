using System.Net;
using System.Text;
using BalanceClients.Generated.Antgst.Kiota;
using BalanceClients.Generated.Telnyx.Kiota;
using BalanceClients.Generation;
using BalanceClients.Generation.Kiota;
using BalanceClients.Tests.Testing;
using AntgstRequest = BalanceClients.Generated.Antgst.Kiota.Models.AntgstBalanceRequest;
using AntgstAnswer = BalanceClients.Generated.Antgst.Kiota.Models.AntgstBalanceResponse;
using TelnyxAnswer = BalanceClients.Generated.Telnyx.Kiota.Models.UserBalanceResponse;

namespace BalanceClients.Tests.Generation.Kiota;

/// <summary>
/// A Kiota client's request, sent over the provider's HTTP client: the generated request as Kiota's adapter makes it, and every
/// answer but a 200 an <see cref="ApiException"/> with its status, headers and body, as the NSwag clients answer.
/// </summary>
public sealed class KiotaSenderTests
{
    private const string TelnyxExample =
        "{\"data\":{\"pending\":\"10.00\",\"balance\":\"300.00\",\"credit_limit\":\"100.00\",\"available_credit\":\"400.00\","
        + "\"currency\":\"USD\"}}";

    [Fact]
    public async Task SendAsync_GeneratedPostRequest_IsSentAsTheSpecSaysAndItsAnswerRead()
    {
        var handler = new RecordingHandler().Respond(200, """{"msg":"SUCCESS","code":200}""");
        using var http = new HttpClient(handler);
        var sender = new KiotaSender(http, "http://127.0.0.1:9/prefix/");
        var client = new AntgstApiClient(sender.Adapter);

        var answer = await sender.SendAsync(
            client.User.Account.Balance.ToPostRequestInformation(new AntgstRequest { AuthSecret = "s3cret" }),
            AntgstAnswer.CreateFromDiscriminatorValue,
            CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "http://127.0.0.1:9/prefix/user/account/balance"), (request.Method, request.Uri.ToString()));
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("""{"authSecret":"s3cret"}""", request.Body);
        Assert.Equal(200, answer.Code);
    }

    [Theory]
    [InlineData(HttpStatusCode.MovedPermanently)]
    [InlineData(HttpStatusCode.Found)]
    [InlineData(HttpStatusCode.TemporaryRedirect)]
    public async Task SendAsync_Redirect_IsAnAnswerWithItsStatusAndLocationNeverASuccess(HttpStatusCode status)
    {
        var handler = new RecordingHandler().Respond(() => new HttpResponseMessage(status)
        {
            Content = new StringContent(TelnyxExample, Encoding.UTF8, "application/json"),
            Headers = { Location = new Uri("https://elsewhere.example/v2/balance") },
        });

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendTelnyxAsync(handler));

        Assert.Equal((int)status, exception.StatusCode);
        Assert.Equal(["https://elsewhere.example/v2/balance"], exception.Headers["Location"]);
    }

    [Fact]
    public async Task SendAsync_UnauthorizedWithAClaimsChallenge_IsOneRequestNotTwo()
    {
        var handler = new RecordingHandler().Respond(() => new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            Headers = { WwwAuthenticate = { new("Bearer", "realm=\"\", claims=\"eyJhY2Nlc3NfdG9rZW4iOnt9fQ==\"") } },
        });

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendTelnyxAsync(handler));

        Assert.Equal(401, exception.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task SendAsync_ErrorAnswer_KeepsItsBodyAsText()
    {
        var handler = new RecordingHandler().Respond(418, """{"errors":[{"code":"7","title":"Teapot"}]}""");

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendTelnyxAsync(handler));

        Assert.Equal((418, """{"errors":[{"code":"7","title":"Teapot"}]}"""), (exception.StatusCode, exception.Response));
    }

    [Theory]
    [InlineData("null", false)]
    [InlineData("<html>", true)]
    [InlineData("""{"data":[]}""", false)]
    public async Task SendAsync_SuccessThatDoesNotFit_IsAnAnswerWithStatus200(string body, bool notJson)
    {
        var handler = new RecordingHandler().Respond(200, body);

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendTelnyxAsync(handler));

        Assert.Equal(200, exception.StatusCode);
        Assert.Equal(notJson, exception.InnerException?.InnerException is System.Text.Json.JsonException);
    }

    [Fact]
    public async Task SendAsync_SuccessAsPlainText_IsReadAsJsonAsTheNSwagClientsRead()
    {
        var handler = new RecordingHandler().Respond(200, TelnyxExample, "text/plain");

        var answer = await SendTelnyxAsync(handler);

        Assert.Equal("400.00", answer.Data!.AvailableCredit);
    }

    private static async Task<TelnyxAnswer> SendTelnyxAsync(RecordingHandler handler)
    {
        using var http = new HttpClient(handler);
        var sender = new KiotaSender(http, "https://api.telnyx.com/v2");
        var client = new TelnyxApiClient(sender.Adapter);
        return await sender.SendAsync(
            client.Balance.ToGetRequestInformation(), TelnyxAnswer.CreateFromDiscriminatorValue, CancellationToken.None);
    }
}
