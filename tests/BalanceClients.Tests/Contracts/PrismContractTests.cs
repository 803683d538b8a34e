using BalanceClients.Configuration;
using BalanceClients.Generation;
using BalanceClients.Generated.Antgst;
using BalanceClients.Generated.Lumenfall;
using BalanceClients.Generated.Mesh;
using BalanceClients.Generated.Telnyx;
using BalanceClients.Generated.Undrctrl;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.Contracts;

/// <summary>
/// The generated clients and the provider adapters against Prism, the standard OpenAPI mock server: Prism rejects any request
/// that does not fit the spec (a violation fails the test) and answers from the spec's examples, with no code of ours in between.
/// </summary>
public sealed class PrismContractTests(PrismFixture prism) : IClassFixture<PrismFixture>
{
    private static readonly Dictionary<string, string?> Credentials = new()
    {
        ["UNDRCTRL_API_KEY"] = "prism-undrctrl-key",
        ["ANTGST_AUTH_SECRET"] = "prism-antgst-secret",
        ["TELNYX_API_KEY"] = "prism-telnyx-key",
        ["LUMENFALL_API_KEY"] = "prism-lumenfall-key",
        ["MESH_CLIENT_ID"] = "prism-mesh-id",
        ["MESH_CLIENT_SECRET"] = "prism-mesh-secret",
        ["MESH_AUTH_TOKEN"] = "prism-mesh-token",
        ["MESH_BROKER_TYPE"] = "coinbase",
    };

    [Fact]
    public async Task GeneratedClients_WithValidRequests_GetTheSpecsExamplesWithoutViolations()
    {
        var recorder = new PrismHandler(null) { InnerHandler = new HttpClientHandler() };
        using var http = new HttpClient(recorder);
        http.DefaultRequestHeaders.Authorization = new("Bearer", "token");
        http.DefaultRequestHeaders.Add("X-Client-Id", "id");
        http.DefaultRequestHeaders.Add("X-Client-Secret", "secret");

        var undrctrl = await new UndrctrlClient(http) { BaseUrl = prism["undrctrl"].BaseUrl.ToString() }
            .GetBalanceAsync(new UndrctrlBalanceRequest { Key = "k", Action = "balance" }, CancellationToken.None);
        var antgst = await new AntgstClient(http) { BaseUrl = prism["antgst"].BaseUrl.ToString() }
            .GetBalanceAsync(new AntgstBalanceRequest { AuthSecret = "s" }, CancellationToken.None);
        var telnyx = await new TelnyxClient(http) { BaseUrl = prism["telnyx"].BaseUrl.ToString() }
            .GetUserBalanceAsync(CancellationToken.None);
        var lumenfall = await new LumenfallClient(http) { BaseUrl = prism["lumenfall"].BaseUrl.ToString() }
            .GetBalanceAsync(CancellationToken.None);
        var mesh = await new MeshClient(http) { BaseUrl = prism["mesh"].BaseUrl.ToString() }
            .GetBalanceAsync(
                new BalanceBrokerBaseRequest { AuthToken = "t", Type = BrokerType.BinanceInternationalDirect },
                CancellationToken.None);

        Assert.Empty(recorder.Violations);
        Assert.Equal(5, recorder.Requests);
        Assert.Equal("1000.92", undrctrl.Balance);
        Assert.Equal(-18.383m, antgst.Result!.SmsBalance);
        Assert.Equal("400.00", telnyx.Data!.Available_credit);
        Assert.Equal(12.50m, lumenfall.Available.Amount);
        Assert.Equal(158.5m, mesh.Content!.Balances!.First().Cash);
    }

    [Fact]
    public async Task GeneratedClient_RequestWithoutItsSecurity_IsAViolation()
    {
        var recorder = new PrismHandler(null) { InnerHandler = new HttpClientHandler() };
        using var http = new HttpClient(recorder);

        await Assert.ThrowsAnyAsync<ApiException>(
            () => new TelnyxClient(http) { BaseUrl = prism["telnyx"].BaseUrl.ToString() }.GetUserBalanceAsync(CancellationToken.None));

        Assert.Contains("Invalid security scheme used", Assert.Single(recorder.Violations), StringComparison.Ordinal);
    }

    public static TheoryData<string, string?, string> Answers => new()
    {
        // provider, Prefer header, the unified outcome: "ok <primary amount>" or "<kind> <status> <code>"
        { "undrctrl", null, "ok 1000.92 IDR" },
        { "undrctrl", "code=401", "unauthorized 401 -" },
        { "undrctrl", "code=404", "not_found 404 -" },
        { "antgst", null, "ok -18.383 CNY" },
        { "antgst", "example=authSecretError", "unauthorized 200 -22" },
        { "antgst", "code=400", "unauthorized 400 -22" },
        { "telnyx", null, "ok 400.00 USD" },
        { "telnyx", "code=403", "forbidden 403 string" },
        { "telnyx", "code=422", "bad_request 422 string" },
        { "telnyx", "code=503", "unavailable 503 string" },
        { "lumenfall", null, "ok 12.5 USD" }, // Prism, in JavaScript, writes the example's 12.50 as 12.5
        { "lumenfall", "example=postpaid", "ok null USD" },
        { "lumenfall", "code=401", "unauthorized 401 -" },
        { "mesh", null, "ok 10 USD" },
        { "mesh", "code=400", "bad_request 400 missingField" },
        { "mesh", "code=401", "unauthorized 401 -" },
        { "mesh", "code=403", "forbidden 403 -" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Adapter_EachDocumentedAnswer_MapsToTheRightResult(string provider, string? prefer, string expected)
    {
        var recorder = new PrismHandler(prefer);
        var environment = new Dictionary<string, string?>(Credentials)
        {
            [$"{provider.ToUpperInvariant()}_BASE_URL"] = prism[provider].BaseUrl.ToString(),
        };
        var services = BalanceServices.Create(environment, configure: options => options.GetProvider(provider).Resilience.MaxRetries = 0);
        services.AddHttpClient(HttpClientNames.For(provider)).AddHttpMessageHandler(() => recorder);
        await using var provider_ = services.BuildServiceProvider();
        var checker = provider_.GetRequiredService<IBalanceChecker>();

        var result = await checker.CheckAsync(checker.Accounts.Single(a => a.Provider == provider), CancellationToken.None);

        Assert.Empty(recorder.Violations);
        var outcome = result.IsSuccess
            ? $"ok {result.Balance.Primary!.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"} "
                + result.Balance.Primary.Currency
            : $"{result.Error.Kind.ToContractName()} {result.Error.HttpStatus} {result.Error.ProviderCode ?? "-"}";
        Assert.Equal(expected, outcome);
    }
}
