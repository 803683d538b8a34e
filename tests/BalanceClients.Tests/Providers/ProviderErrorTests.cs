using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Providers;

/// <summary>Every documented error answer, and the providers' in-body failures, map to the contract's error kinds.</summary>
public sealed class ProviderErrorTests
{
    public static TheoryData<string> Providers => [.. ProviderInfo.All.Select(p => p.Id)];

    public static TheoryData<string, int, string?, string, string?, string> DocumentedErrors => new()
    {
        // provider, HTTP status, body, kind, provider code, message
        { "undrctrl", 401, """{"error":"Invalid API key"}""", "unauthorized", null, "Invalid API key" },
        { "undrctrl", 404, """{"error":"Incorrect request"}""", "not_found", null, "Incorrect request" },
        { "undrctrl", 200, """{"error":"Invalid API key"}""", "unauthorized", null, "Invalid API key" },
        { "undrctrl", 200, """{"error":"Account suspended"}""", "provider_error", null, "Account suspended" },
        { "antgst", 200, """{"msg":"auth secret error!","code":-22}""", "unauthorized", "-22", "auth secret error!" },
        { "antgst", 400, """{"msg":"auth secret error!","code":-22}""", "unauthorized", "-22", "auth secret error!" },
        { "antgst", 200, """{"msg":"system busy","code":-1}""", "provider_error", "-1", "system busy" },
        { "telnyx", 403, """{"errors":[{"code":"10010","title":"Forbidden","detail":"No access."}]}""",
            "forbidden", "10010", "Forbidden: No access." },
        { "telnyx", 422, """{"errors":[{"code":"10015","title":"Invalid account"}]}""", "bad_request", "10015", "Invalid account" },
        { "telnyx", 401, """{"errors":[{"code":"10009","title":"Authentication failed"}]}""",
            "unauthorized", "10009", "Authentication failed" },
        { "telnyx", 404, """{"errors":[]}""", "not_found", null, "Telnyx answered HTTP 404." },
        { "lumenfall", 401, null, "unauthorized", null, "Lumenfall answered HTTP 401." },
        { "lumenfall", 403, """{"error":"forbidden"}""", "forbidden", null, "Lumenfall answered HTTP 403." },
        { "mesh", 400, """{"status":"badRequest","message":"Error message","displayMessage":"Optional display """
            + """message","errorHash":"7dcbb73d","errorType":"missingField"}""",
            "bad_request", "missingField", "Error message" },
        { "mesh", 401, "{}", "unauthorized", null, "Mesh Connect answered HTTP 401." },
        { "mesh", 403, "{}", "forbidden", null, "Mesh Connect answered HTTP 403." },
        // The spec leaves the 401 and 403 bodies untyped; Mesh's usual envelope there is read all the same.
        { "mesh", 401, """{"status":"badRequest","message":"Unknown client id","errorType":"invalidClientId"}""",
            "bad_request", "invalidClientId", "Unknown client id" },
        { "mesh", 403, """{"status":"brandNewStatus","message":"Nope"}""", "forbidden", null, "Mesh Connect answered HTTP 403." },
        { "mesh", 200, """{"status":"permissionDenied","message":"No permission","errorType":"noPermission"}""",
            "forbidden", "noPermission", "No permission" },
        { "mesh", 200, """{"status":"tooManyRequest","message":"Slow down","errorType":"rateLimit"}""",
            "rate_limited", "rateLimit", "Slow down" },
        { "mesh", 200, """{"status":"notFound","message":"No such account","errorType":""}""", "not_found", null, "No such account" },
        { "mesh", 200, """{"status":"serverFailure","displayMessage":"Try later"}""", "unavailable", null, "Try later" },
        { "mesh", 200, """{"status":"conflict"}""", "provider_error", null, "The provider reported a failure." },
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Check_ErrorAnswer_MapsToContractKind(
        string provider,
        int status,
        string? body,
        string kind,
        string? code,
        string message)
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake(provider).Enqueue(FakeResponse.Text(status, body, "application/json"));

        var result = await harness.CheckAsync(provider);

        Assert.False(result.IsSuccess);
        Assert.Equal(
            (kind, status, code, message),
            (result.Error.Kind.ToContractName(), result.Error.HttpStatus, result.Error.ProviderCode, result.Error.Message));
        Assert.Single(harness.Fake(provider).Requests);
    }

    public static TheoryData<string, int, string, string, string?, string> UndocumentedStatuses => new()
    {
        // provider, an HTTP status its spec does not document, the provider's usual error body, kind, code, message
        { "antgst", 401, """{"msg":"auth secret error!","code":-22}""", "unauthorized", "-22", "auth secret error!" },
        { "antgst", 403, """{"msg":"ip not allowed","code":-31}""", "provider_error", "-31", "ip not allowed" },
        { "undrctrl", 403, """{"error":"Account suspended"}""", "forbidden", null, "Account suspended" },
        { "mesh", 404, """{"status":"notFound","message":"No such connection","errorType":"connectionNotFound"}""",
            "not_found", "connectionNotFound", "No such connection" },
        { "mesh", 409, """{"status":"conflict","message":"Busy","errorType":"concurrentRequest"}""",
            "provider_error", "concurrentRequest", "Busy" },
        { "undrctrl", 418, "<html>teapot</html>", "provider_error", null, "UNDRCTRL answered HTTP 418." },
    };

    [Theory]
    [MemberData(nameof(UndocumentedStatuses))]
    public async Task Check_UndocumentedStatusWithTheProvidersErrorBody_KeepsItsCodeAndMessage(
        string provider,
        int status,
        string body,
        string kind,
        string? code,
        string message)
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake(provider).Enqueue(FakeResponse.Json(status, body));

        var result = await harness.CheckAsync(provider);

        Assert.Equal(
            (kind, status, code, message),
            (result.Error!.Kind.ToContractName(), result.Error.HttpStatus, result.Error.ProviderCode, result.Error.Message));
    }

    [Fact]
    public async Task Check_TooManyRequestsWithMeshEnvelope_IsRateLimitedWithItsCode()
    {
        await using var harness = await CheckerHarness.StartAsync();
        var answer = FakeResponse.Json(429, """{"status":"tooManyRequest","message":"Slow down","errorType":"rateLimitExceeded"}""");
        harness.Fake("mesh").Enqueue(answer, answer, answer);

        var result = await harness.CheckAsync("mesh");

        Assert.Equal(
            ("rate_limited", (int?)429, "rateLimitExceeded", "Slow down"),
            (result.Error!.Kind.ToContractName(), result.Error.HttpStatus, result.Error.ProviderCode, result.Error.Message));
        Assert.Equal(3, harness.Fake("mesh").Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Check_ServerErrorThreeTimes_IsUnavailableAfterThreeAttempts(string provider)
    {
        await using var harness = await CheckerHarness.StartAsync();
        var bad = FakeResponse.Text(503, "<html><body>Service Unavailable</body></html>", "text/html");
        harness.Fake(provider).Enqueue(bad, bad, bad);

        var result = await harness.CheckAsync(provider);

        Assert.Equal((BalanceErrorKind.Unavailable, (int?)503), (result.Error!.Kind, result.Error.HttpStatus));
        Assert.Equal(3, harness.Fake(provider).Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Check_TooManyRequestsThenSuccess_Succeeds(string provider)
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake(provider).Enqueue(
            FakeResponse.Text(429, null) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } });

        var result = await harness.CheckAsync(provider);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, harness.Fake(provider).Requests.Count);
    }
}
