using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Providers;

/// <summary>
/// Answers that do not fit the spec are <c>invalid_response</c> with the status kept: never an exception, a zero or a wrong amount.
/// </summary>
public sealed class BadAnswerTests
{
    public static TheoryData<string, int, string?, string> InvalidAnswers => new()
    {
        { "undrctrl", 200, """{"balance":"abc","currency":"IDR"}""", "application/json" },
        { "undrctrl", 200, """{"balance":"1,000.92","currency":"IDR"}""", "application/json" },
        { "undrctrl", 200, """{"balance":1000.92,"currency":"IDR"}""", "application/json" },
        { "undrctrl", 200, """{"currency":"IDR"}""", "application/json" },
        { "undrctrl", 200, """{"balance":"1000.92"}""", "application/json" },
        { "undrctrl", 200, "<html><body>Bad gateway</body></html>", "text/html" },
        { "undrctrl", 200, "", "application/json" },
        { "undrctrl", 200, """{"balance":"1000.9""", "application/json" },
        { "antgst", 200, """{"msg":"SUCCESS","code":200}""", "application/json" },
        { "antgst", 200, """{"msg":"SUCCESS","code":200,"result":{"smsBalance":"-18.383","voipBalance":0.0,"currency":"CNY"}}""",
            "application/json" },
        { "antgst", 200, """{"msg":"SUCCESS","code":200,"result":{"voipBalance":0.0,"currency":"CNY"}}""", "application/json" },
        { "antgst", 200, """{"msg":"SUCCESS","code":"200","result":{"smsBalance":1,"voipBalance":0.0,"currency":"CNY"}}""",
            "application/json" },
        { "antgst", 200, """{"msg":"SUCCESS","code":200,"result":{"smsBalance":1e400,"voipBalance":0.0,"currency":"CNY"}}""",
            "application/json" },
        { "antgst", 200, """{"msg":"SUCCESS","code":200,"result":{"smsBalance":null,"voipBalance":0.0,"currency":"CNY"}}""",
            "application/json" },
        { "antgst", 200, "[]", "application/json" },
        { "telnyx", 200, """{"data":"""
            + """{"balance":"300.00","pending":"10.00","credit_limit":"100.00","available_credit":"four hundred","currency":"USD"}}""",
            "application/json" },
        { "telnyx", 200, """{"data":"""
            + """{"balance":300.00,"pending":"10.00","credit_limit":"100.00","available_credit":"400.00","currency":"USD"}}""",
            "application/json" },
        { "telnyx", 200, """{"data":null}""", "application/json" },
        { "telnyx", 200, """{}""", "application/json" },
        { "telnyx", 200, "null", "application/json" },
        { "lumenfall", 200, """{"object":"balance","billing_type":"prepaid"}""", "application/json" },
        { "lumenfall", 200, """{"object":"balance","billing_type":"prepaid","available":{"amount":"12.50","currency":"usd"}}""",
            "application/json" },
        { "lumenfall", 200, """{"object":"balance","billing_type":"prepaid","available":{"amount":12.5,"currency":null}}""",
            "application/json" },
        { "lumenfall", 200, """{"object":"balance","billing_type":"prepaid","available":{"amount":12.5,"currency":""}}""",
            "application/json" },
        { "mesh", 200, """{"status":"ok"}""", "application/json" },
        { "mesh", 200, """{"message":"no status"}""", "application/json" },
        { "mesh", 200, """{"status":"brandNewStatus"}""", "application/json" },
        { "mesh", 200, """{"status":"ok","content":{"balances":[{"cash":1}],"totalCashUsdValue":1}}""", "application/json" },
        { "mesh", 200, """{"status":"ok","content":{"balances":[{"cash":"1","currencyCode":"USD"}],"totalCashUsdValue":1}}""",
            "application/json" },
    };

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public async Task Check_AnswerThatDoesNotFitTheSpec_IsInvalidResponseWithStatus(
        string provider,
        int status,
        string? body,
        string contentType)
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake(provider).Enqueue(FakeResponse.Text(status, body, contentType));

        var result = await harness.CheckAsync(provider);

        Assert.False(result.IsSuccess, $"{provider} read a balance from {body}");
        Assert.Equal(BalanceErrorKind.InvalidResponse, result.Error.Kind);
        Assert.Equal(status, result.Error.HttpStatus);
        Assert.Single(harness.Fake(provider).Requests);
    }

    [Theory]
    [InlineData("undrctrl", """{"balance":"0","currency":"IDR","extra":{"nested":[1,2]}}""", 0)]
    [InlineData("undrctrl", """{"balance":"-5.10","currency":"idr"}""", -5.10)]
    [InlineData(
        "antgst",
        """{"msg":"SUCCESS","code":200,"result":{"smsBalance":79228162514264337593543950335,"voipBalance":0,"currency":"CNY"}}""",
        79228162514264337593543950335.0)]
    public async Task Check_ZeroNegativeHugeOrExtraFields_ReadsTheExactAmount(string provider, string body, double expected)
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake(provider).Enqueue(FakeResponse.Json(200, body));

        var result = await harness.CheckAsync(provider);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var primary = result.Balance.Primary!;
        Assert.Equal(expected == 79228162514264337593543950335.0 ? decimal.MaxValue : (decimal)expected, primary.Amount);
        Assert.Equal(primary.Currency, primary.Currency.ToUpperInvariant());
    }

    [Fact]
    public async Task Check_BodyLargerThanTheLimit_IsInvalidResponse()
    {
        await using var harness = await CheckerHarness.StartAsync(options => options.GetProvider("undrctrl").MaxResponseBytes = 1024);
        var padding = new string(' ', 4096);
        harness.Fake("undrctrl").Enqueue(FakeResponse.Json(200, "{\"balance\":\"1.00\",\"currency\":\"IDR\"" + padding + "}"));

        var result = await harness.CheckAsync("undrctrl");

        Assert.Equal((BalanceErrorKind.InvalidResponse, (int?)200), (result.Error!.Kind, result.Error.HttpStatus));
        Assert.Contains("larger than 1024 bytes", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ChunkedBodyLargerThanTheLimit_IsInvalidResponse()
    {
        await using var harness = await CheckerHarness.StartAsync(options => options.GetProvider("undrctrl").MaxResponseBytes = 10_000);
        var padding = new string(' ', 50_000);
        var answer = FakeResponse.Json(200, "{\"balance\":\"1.00\",\"currency\":\"IDR\"" + padding + "}");
        harness.Fake("undrctrl").Enqueue(answer with { BodyStall = TimeSpan.FromMilliseconds(1) });

        var result = await harness.CheckAsync("undrctrl");

        Assert.Equal((BalanceErrorKind.InvalidResponse, (int?)200), (result.Error!.Kind, result.Error.HttpStatus));
        Assert.Contains("larger than 10000 bytes", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ChunkedBodyWithinTheLimit_IsRead()
    {
        await using var harness = await CheckerHarness.StartAsync();
        var padding = new string(' ', 20_000);
        var answer = FakeResponse.Json(200, "{\"balance\":\"7.25\",\"currency\":\"IDR\"" + padding + "}");
        harness.Fake("undrctrl").Enqueue(answer with { BodyStall = TimeSpan.FromMilliseconds(1) });

        var result = await harness.CheckAsync("undrctrl");

        Assert.Equal(7.25m, result.Balance!.Primary!.Amount);
    }

    [Fact]
    public async Task Check_ConnectionDroppedEveryTime_IsNetworkAfterThreeAttempts()
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake("telnyx").Enqueue(FakeResponse.Dropped, FakeResponse.Dropped, FakeResponse.Dropped);

        var result = await harness.CheckAsync("telnyx");

        Assert.Equal((BalanceErrorKind.Network, (int?)null), (result.Error!.Kind, result.Error.HttpStatus));
        Assert.Equal(3, harness.Fake("telnyx").Requests.Count);
    }

    [Fact]
    public async Task Check_ConnectionRefused_IsNetwork()
    {
        await using var harness = await CheckerHarness.StartAsync(options =>
        {
            options.GetProvider("lumenfall").BaseUrl = new Uri("http://127.0.0.1:1/");
            options.GetProvider("lumenfall").Resilience.MaxRetries = 0;
        });

        var result = await harness.CheckAsync("lumenfall");

        Assert.Equal(BalanceErrorKind.Network, result.Error!.Kind);
        Assert.Contains("refused", result.Error.Message, StringComparison.Ordinal);
    }
}
