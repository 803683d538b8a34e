using System.Text.Json.Nodes;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Providers;

public sealed class ProviderSuccessTests
{
    [Fact]
    public async Task Undrctrl_SuccessExample_IsOneExactPrimaryBalance()
    {
        await using var harness = await CheckerHarness.StartAsync();

        var result = await harness.CheckAsync("undrctrl");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([new BalanceAmount("balance", 1000.92m, "IDR", true)], result.Balance.Amounts);
        var request = Assert.Single(harness.Fake("undrctrl").Requests);
        Assert.Equal(("POST", "/api/v2/"), (request.Method, request.Path));
        var expected = JsonNode.Parse("""{"key":"demo-undrctrl-api-key","action":"balance"}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body!)), request.Body);
    }

    [Fact]
    public async Task Antgst_SuccessExample_IsNegativeSmsAndZeroVoip()
    {
        await using var harness = await CheckerHarness.StartAsync();

        var result = await harness.CheckAsync("antgst");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(
            [new BalanceAmount("sms", -18.383m, "CNY", true), new BalanceAmount("voip", 0.0m, "CNY", false)],
            result.Balance.Amounts);
        Assert.Equal("""{"authSecret":"demo-antgst-auth-secret"}""", Assert.Single(harness.Fake("antgst").Requests).Body);
    }

    [Fact]
    public async Task Telnyx_SuccessExample_IsFourAmountsWithAvailableCreditPrimary()
    {
        await using var harness = await CheckerHarness.StartAsync();

        var result = await harness.CheckAsync("telnyx");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(
            [
                new BalanceAmount("balance", 300.00m, "USD", false),
                new BalanceAmount("pending", 10.00m, "USD", false),
                new BalanceAmount("credit_limit", 100.00m, "USD", false),
                new BalanceAmount("available_credit", 400.00m, "USD", true),
            ],
            result.Balance.Amounts);
        Assert.Equal("300.00", result.Balance.Amounts[0].Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var request = Assert.Single(harness.Fake("telnyx").Requests);
        Assert.Equal(("GET", "/balance", "Bearer demo-telnyx-api-key"), (request.Method, request.Path, request.Headers["authorization"]));
    }

    [Fact]
    public async Task Lumenfall_Prepaid_IsUpperCaseUsdWithBillingType()
    {
        await using var harness = await CheckerHarness.StartAsync();

        var result = await harness.CheckAsync("lumenfall");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([new BalanceAmount("available", 12.50m, "USD", true)], result.Balance.Amounts);
        Assert.Equal("prepaid", result.Balance.BillingType);
    }

    [Fact]
    public async Task Lumenfall_Postpaid_IsNullAmountNotAnError()
    {
        await using var harness = await CheckerHarness.StartAsync();
        var fake = harness.Fake("lumenfall");
        fake.Enqueue(FakeResponse.Json(200, fake.Spec.Response("/v1/balance", "get", "200", "postpaid")));

        var result = await harness.CheckAsync("lumenfall");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([new BalanceAmount("available", null, "USD", true)], result.Balance.Amounts);
        Assert.Equal("postpaid", result.Balance.BillingType);
    }

    [Fact]
    public async Task Mesh_SuccessExample_IsPerCurrencyAmountsThenUsdTotals()
    {
        await using var harness = await CheckerHarness.StartAsync();

        var result = await harness.CheckAsync("mesh");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(
            [
                new BalanceAmount("cash", 158.5m, "USD", false),
                new BalanceAmount("buying_power", 258.5m, "USD", false),
                new BalanceAmount("cash", 10m, "EUR", false),
                new BalanceAmount("buying_power", 10m, "EUR", false),
                new BalanceAmount("total_cash", 10m, "USD", true),
                new BalanceAmount("total_buying_power", 10m, "USD", false),
            ],
            result.Balance.Amounts);
        var request = Assert.Single(harness.Fake("mesh").Requests);
        Assert.Equal(
            ("demo-mesh-client-id", "demo-mesh-client-secret"),
            (request.Headers["x-client-id"], request.Headers["x-client-secret"]));
        Assert.Equal("""{"authToken":"demo-mesh-auth-token","type":"binanceInternationalDirect"}""", request.Body);
    }

    [Fact]
    public async Task Mesh_CryptoBuyingPower_IsReportedWhereGiven()
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake("mesh").Enqueue(FakeResponse.Json(
            200,
            """{"status":"ok","content":{"balances":[{"cash":1.5,"cryptocurrencyBuyingPower":2.25,"currencyCode":"usd"}"""
            + """],"totalCashUsdValue":1.5,"totalBuyingPowerUsdValue":null}}"""));

        var result = await harness.CheckAsync("mesh");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(
            [
                new BalanceAmount("cash", 1.5m, "USD", false),
                new BalanceAmount("crypto_buying_power", 2.25m, "USD", false),
                new BalanceAmount("total_cash", 1.5m, "USD", true),
                new BalanceAmount("total_buying_power", null, "USD", false),
            ],
            result.Balance.Amounts);
    }

    [Fact]
    public async Task EveryProvider_PrimaryAmount_IsTheDescriptorsPrimaryKind()
    {
        await using var harness = await CheckerHarness.StartAsync();

        var results = await harness.Checker.CheckAllAsync(CancellationToken.None);

        Assert.Equal(ProviderInfo.All.Select(p => p.Id), results.Select(r => r.Provider));
        foreach (var result in results)
        {
            Assert.True(result.IsSuccess, result.Error?.ToString());
            Assert.Equal(ProviderInfo.Find(result.Provider)!.PrimaryKind, Assert.Single(result.Balance.Amounts, a => a.IsPrimary).Kind);
            Assert.All(result.Balance.Amounts, amount => Assert.Contains(amount.Kind, ProviderInfo.Find(result.Provider)!.Kinds));
        }
    }
}
