using System.Text.Json;
using BalanceClients.Generated.Telnyx;
using BalanceClients.Generation;
using BalanceClients.Http;
using BalanceClients.Providers;
using Polly.Timeout;

namespace BalanceClients.Tests.Providers;

public sealed class FailureClassifierTests
{
    private static readonly BalanceProvider Telnyx = ProviderCatalog.Get("telnyx");
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<Exception, bool, BalanceErrorKind, int?> Failures => new()
    {
        { new OperationCanceledException(), true, BalanceErrorKind.Timeout, null },
        { new TimeoutRejectedException(TimeSpan.FromSeconds(10)), false, BalanceErrorKind.Timeout, null },
        { new ResponseTooLargeException(200, 1024), false, BalanceErrorKind.InvalidResponse, 200 },
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused"), false, BalanceErrorKind.Network, null },
        { new IOException("reset"), false, BalanceErrorKind.Network, null },
        { new JsonException("bad"), false, BalanceErrorKind.InvalidResponse, null },
        { new InvalidCastException("odd"), false, BalanceErrorKind.InvalidResponse, null },
        { Answer(200, "not json"), false, BalanceErrorKind.InvalidResponse, 200 },
        { Answer(400, null), false, BalanceErrorKind.BadRequest, 400 },
        { Answer(401, null), false, BalanceErrorKind.Unauthorized, 401 },
        { Answer(403, null), false, BalanceErrorKind.Forbidden, 403 },
        { Answer(404, null), false, BalanceErrorKind.NotFound, 404 },
        { Answer(408, null), false, BalanceErrorKind.Timeout, 408 },
        { Answer(418, null), false, BalanceErrorKind.ProviderError, 418 },
        { Answer(422, null), false, BalanceErrorKind.BadRequest, 422 },
        { Answer(429, null), false, BalanceErrorKind.RateLimited, 429 },
        { Answer(503, null), false, BalanceErrorKind.Unavailable, 503 },
        { Answer(302, null), false, BalanceErrorKind.ProviderError, 302 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_Failure_IsTheContractsKindWithTheStatus(
        Exception exception,
        bool deadlineReached,
        BalanceErrorKind kind,
        int? status)
    {
        var error = FailureClassifier.Classify(exception, Telnyx, deadlineReached, Now);

        Assert.Equal((kind, status), (error.Kind, error.HttpStatus));
        Assert.NotEmpty(error.Message);
    }

    [Theory]
    [InlineData("https://evil.example:8443/steal?key=1", "a redirect to https://evil.example:8443; redirects are not followed.")]
    [InlineData("http://user:pass@127.0.0.2:9/x", "a redirect to http://127.0.0.2:9; redirects are not followed.")]
    [InlineData("/v2/balance-moved", "a redirect to another path of the same server; redirects are not followed.")]
    [InlineData(null, "a redirect without saying where; redirects are not followed.")]
    public void Classify_Redirect_IsProviderErrorNamingOnlyTheTargetsOrigin(string? location, string expected)
    {
        var headers = new Dictionary<string, IEnumerable<string>>();
        if (location is not null)
        {
            headers["Location"] = [location];
        }

        var error = FailureClassifier.Classify(new ApiException("redirect", 307, string.Empty, headers, null), Telnyx, false, Now);

        Assert.Equal((BalanceErrorKind.ProviderError, (int?)307), (error.Kind, error.HttpStatus));
        Assert.Equal("Telnyx answered HTTP 307, " + expected, error.Message);
    }

    [Fact]
    public void Classify_DocumentedErrorBodyWithANullEntry_HasNoProviderDetailInsteadOfThrowing()
    {
        var body = new Billing_Errors { Errors = [null!] };

        var error = FailureClassifier.Classify(
            new ApiException<Billing_Errors>("x", 422, "{\"errors\":[null]}", Headers, body, null), Telnyx, false, Now);

        Assert.Equal(new BalanceError(BalanceErrorKind.BadRequest, 422, null, "Telnyx answered HTTP 422."), error);
    }

    [Fact]
    public void Classify_ErrorBodyTheAdapterCannotRead_HasNoProviderDetailInsteadOfThrowing()
    {
        var error = FailureClassifier.Classify(
            new ApiException<object>("x", 403, "{}", Headers, new object(), null), ProviderCatalog.Get("mesh"), false, Now);

        Assert.Equal(new BalanceError(BalanceErrorKind.Forbidden, 403, null, "Mesh Connect answered HTTP 403."), error);
    }

    [Fact]
    public void Classify_AmountTooPrecise_SaysSoWithItsPath()
    {
        var inner = Assert.ThrowsAny<JsonException>(() =>
            JsonSerializer.Deserialize<BalanceClients.Generated.Antgst.AntgstBalanceResponse>(
                """{"msg":"SUCCESS","code":200,"result":"""
                + """{"smsBalance":0.123456789012345678901234567890123,"voipBalance":0,"currency":"CNY"}}""",
                GeneratedClientJson.Options));

        var error = FailureClassifier.Classify(
            new ApiException("x", 200, string.Empty, Headers, inner), ProviderCatalog.Get("antgst"), false, Now);

        Assert.IsType<InexactAmountException>(inner);
        Assert.Equal(
            "The provider's answer does not fit its spec: an amount has more digits than a decimal holds exactly (at $.result.smsBalance).",
            error.Message);
    }

    private static Dictionary<string, IEnumerable<string>> Headers => [];

    private static ApiException Answer(int status, string? body) => new("answer", status, body, Headers, null);

    [Theory]
    [InlineData("7", 7.0)]
    [InlineData("Sun, 22 Nov 2026 12:00:30 GMT", 30.0)]
    public void Classify_RateLimitedWithRetryAfter_KeepsHowLongToWait(string header, double seconds)
    {
        var headers = new Dictionary<string, IEnumerable<string>> { ["Retry-After"] = [header] };

        var error = FailureClassifier.Classify(new ApiException("slow down", 429, string.Empty, headers, null), Telnyx, false, Now);

        Assert.Equal((BalanceErrorKind.RateLimited, TimeSpan.FromSeconds(seconds)), (error.Kind, error.RetryAfter));
    }
}
