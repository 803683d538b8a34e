using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Providers;

/// <summary>What a hostile or broken provider's answer can never do: round money, drive a terminal, or sink another account.</summary>
public sealed class HostileAnswerTests
{
    public static TheoryData<string, string> AmountsThatWouldBeRounded => new()
    {
        { "undrctrl", """{"balance":"12345678901234567890123456789.123","currency":"IDR"}""" },
        { "undrctrl", """{"balance":"0.12345678901234567890123456789012345","currency":"IDR"}""" },
        { "telnyx", """{"data":{"balance":"300.00","pending":"0.00","credit_limit":"100."""
            + """00","available_credit":"79228162514264337593543950336","currency":"USD"}}""" },
        { "antgst", """{"msg":"SUCCESS","code":200,"result":"""
            + """{"smsBalance":0.12345678901234567890123456789012345,"voipBalance":0,"currency":"CNY"}}""" },
        { "antgst", """{"msg":"SUCCESS","code":200,"result":"""
            + """{"smsBalance":12345678901234567890123456789.123,"voipBalance":0,"currency":"CNY"}}""" },
        { "lumenfall", """{"object":"balance","billing_type":"prepaid","available":{"amount":1e-40,"currency":"usd"}}""" },
        { "mesh", """{"status":"ok","content":"""
            + """{"balances":[],"totalCashUsdValue":1.00000000000000000000000000001,"totalBuyingPowerUsdValue":1}}""" },
    };

    public static TheoryData<string, string> KeysGivenTwice => new()
    {
        { "undrctrl", """{"balance":"1000.92","currency":"IDR","balance":"-999"}""" },
        { "telnyx", """{"data":{"balance":"300.00","pending":"0.00","credit_limit":"100."""
            + """00","available_credit":"400.00","available_credit":"-999","currency":"USD"}}""" },
        { "antgst", """{"msg":"SUCCESS","code":200,"result":{"smsBalance":1,"smsBalance":-999,"voipBalance":0,"currency":"CNY"}}""" },
        { "lumenfall", """{"object":"balance","billing_type":"prepaid","available":"""
            + """{"amount":12.5,"currency":"usd"},"available":{"amount":-999,"currency":"usd"}}""" },
        { "mesh", """{"status":"ok","content":"""
            + """{"balances":[],"totalCashUsdValue":1,"totalCashUsdValue":-999,"totalBuyingPowerUsdValue":1}}""" },
    };

    public static TheoryData<string, string> CurrenciesThatAreNotCodes => new()
    {
        { "undrctrl", """{"balance":"1","currency":"I\u001b[2JR"}""" },
        { "undrctrl", """{"balance":"1","currency":"rupiah"}""" },
        { "telnyx", """{"data":{"balance":"1","pending":"0","credit_limit":"0","available_credit":"1","currency":"US"}}""" },
        { "antgst", """{"msg":"SUCCESS","code":200,"result":{"smsBalance":1,"voipBalance":0,"currency":" CNY"}}""" },
        { "lumenfall", """{"object":"balance","billing_type":"prepaid","available":{"amount":1,"currency":"u$d"}}""" },
        { "mesh", """{"status":"ok","content":"""
            + """{"balances":[{"cash":1,"currencyCode":"EU\nR"}],"totalCashUsdValue":1,"totalBuyingPowerUsdValue":1}}""" },
    };

    [Theory]
    [MemberData(nameof(AmountsThatWouldBeRounded))]
    [MemberData(nameof(KeysGivenTwice))]
    [MemberData(nameof(CurrenciesThatAreNotCodes))]
    public async Task Check_AmountOrCurrencyThatCannotBeExact_IsInvalidResponse(string provider, string body)
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake(provider).Enqueue(FakeResponse.Json(200, body));

        var result = await harness.CheckAsync(provider);

        Assert.False(
            result.IsSuccess,
            $"{provider} read {string.Join(", ", result.Balance?.Amounts.Select(a => $"{a.Amount} {a.Currency}") ?? [])}");
        Assert.Equal((BalanceErrorKind.InvalidResponse, (int?)200), (result.Error.Kind, result.Error.HttpStatus));
    }

    [Fact]
    public async Task Check_MeshBalancesWithANullEntry_IsInvalidResponseOfItsAnswer()
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake("mesh").Enqueue(FakeResponse.Json(
            200, """{"status":"ok","content":{"balances":[null],"totalCashUsdValue":1,"totalBuyingPowerUsdValue":1}}"""));

        var result = await harness.CheckAsync("mesh");

        Assert.Equal(
            (BalanceErrorKind.InvalidResponse, (int?)200,
                "The provider's answer does not fit its spec: 'content.balances' holds null where a balance belongs."),
            (result.Error!.Kind, result.Error.HttpStatus, result.Error.Message));
    }

    [Fact]
    public async Task Check_PrepaidLumenfallWithoutAnAmount_IsInvalidResponse()
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake("lumenfall").Enqueue(
            FakeResponse.Json(200, """{"object":"balance","billing_type":"prepaid","available":{"amount":null,"currency":"usd"}}"""));

        var result = await harness.CheckAsync("lumenfall");

        Assert.Equal(BalanceErrorKind.InvalidResponse, result.Error!.Kind);
        Assert.Contains("no amount for a prepaid account", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("telnyx", 403, """{"errors":[{"code":"10\u001b[31m","title":"\u001b[2J\u001b[HAll fine\r\n","detail":"\u0007bell"}]}""")]
    [InlineData("mesh", 200, """{"status":"badRequest","message":"\u001b]0;pwned\u0007\u202Etxt","errorType":"x\ry"}""")]
    [InlineData("antgst", 200, """{"msg":"line\nbreak\u009b31m","code":-1}""")]
    [InlineData("undrctrl", 200, """{"error":"\u001bc reset"}""")]
    public async Task Check_ProviderTextWithControlCharacters_ReachesNoResultOrLogRaw(string provider, int status, string body)
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake(provider).Enqueue(FakeResponse.Json(status, body));

        var result = await harness.CheckAsync(provider);

        var texts = new[]
        {
            result.Error!.Message,
            result.Error.ProviderCode ?? string.Empty,
            result.Error.ToString(),
            harness.Logs.AllText,
        };
        foreach (var text in texts)
        {
            Assert.DoesNotContain(text, c => c != '\n' && (char.IsControl(c) || c is '\u202E'));
        }

        Assert.DoesNotContain(result.Error.Message, char.IsControl);
    }

    [Fact]
    public async Task Check_HugeProviderMessage_IsCut()
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake("undrctrl").Enqueue(FakeResponse.Json(200, $$"""{"error":"{{new string('x', 200_000)}}"}"""));

        var result = await harness.CheckAsync("undrctrl");

        Assert.InRange(result.Error!.Message.Length, 1, 501);
    }

    [Fact]
    public async Task CheckAllAsync_ErrorBodyWithANullEntry_SinksNoOtherAccount()
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake("telnyx").Default = FakeResponse.Json(422, """{"errors":[null]}""");

        var results = await harness.Checker.CheckAllAsync(CancellationToken.None);

        Assert.Equal(5, results.Count);
        var telnyx = Assert.Single(results, r => !r.IsSuccess);
        Assert.Equal(new BalanceError(BalanceErrorKind.BadRequest, 422, null, "Telnyx answered HTTP 422."), telnyx.Error);
    }
}
