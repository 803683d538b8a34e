using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using BalanceClients.Cli;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.Testing;
using NJsonSchema;

namespace BalanceClients.Tests.Serve;

/// <summary><c>balances serve</c>'s endpoints, answered from the monitor's readings on a manual clock.</summary>
public sealed class ServeEndpointTests
{
    private const string UndrctrlAmount =
        """balances_amount{provider="undrctrl",account="default",kind="balance",currency="IDR",primary="true"} 1000.92""";

    private static readonly string[] Providers = [.. ProviderInfo.All.Select(p => p.Id)];

    [Fact]
    public async Task Readyz_BeforeEveryAccountIsChecked_Is503ThenBecomes200()
    {
        await using var serve = await ServeHarness.StartAsync();

        var before = await serve.GetAsync("/readyz");
        await serve.CheckEveryAccountAsync();
        var after = await serve.GetAsync("/readyz");

        Assert.Equal(503, before.Status);
        Assert.Equal(200, after.Status);
        Assert.Equal(200, (await serve.GetAsync("/healthz")).Status);
    }

    [Fact]
    public async Task Metrics_AfterTheFirstChecks_HasEveryFamilyAndEveryAccountsAmountsAndLastSuccess()
    {
        await using var serve = await ServeHarness.StartAsync();
        await serve.CheckEveryAccountAsync();

        var (status, body, contentType) = await serve.GetAsync("/metrics");

        Assert.Equal(200, status);
        Assert.StartsWith("text/plain; version=0.0.4", contentType, StringComparison.Ordinal);
        foreach (var family in new[] { "amount", "low", "level", "check_success", "check_error", "check_duration_seconds" })
        {
            Assert.Contains($"# TYPE balances_{family} gauge\n", body, StringComparison.Ordinal);
        }

        Assert.Contains(UndrctrlAmount, body, StringComparison.Ordinal);
        Assert.Contains(
            """balances_amount{provider="telnyx",account="default",kind="available_credit",currency="USD",primary="true"} 400.00""",
            body,
            StringComparison.Ordinal);
        foreach (var reading in serve.Monitor.Readings)
        {
            var seconds = reading.CheckedAt.ToUnixTimeSeconds();
            Assert.Contains(
                $"balances_last_success_timestamp_seconds{{provider=\"{reading.Provider}\",account=\"default\"}} {seconds}\n", body);
            Assert.Contains($"balances_check_success{{provider=\"{reading.Provider}\",account=\"default\"}} 1\n", body);
        }
    }

    [Fact]
    public async Task Metrics_AfterChecks_CountsThemAndShowsIntervalThresholdsBuildAndProcess()
    {
        var environment = new Dictionary<string, string?>
        {
            ["Balances__Thresholds__0__Provider"] = "mesh",
            ["Balances__Thresholds__0__Warning"] = "50",
            ["Balances__Thresholds__0__Critical"] = "10",
            ["Balances__Thresholds__1__Provider"] = "antgst",
            ["Balances__Thresholds__1__Kind"] = "voip",
            ["Balances__Thresholds__1__Critical"] = "2.5",
            ["Balances__Monitor__ProviderIntervals__telnyx"] = "00:01:00",
        };
        await using var serve = await ServeHarness.StartAsync(["--interval", "120"], environment);
        await serve.CheckEveryAccountAsync();
        serve.Fakes["antgst"].Default = FakeResponse.Json(200, """{"msg":"auth secret error!","code":-22}""");
        await serve.AdvanceAsync(TimeSpan.FromMinutes(2.5));

        var (_, body, _) = await serve.GetAsync("/metrics");

        Assert.Contains("# TYPE balances_checks_total counter\n", body, StringComparison.Ordinal);
        Assert.Contains("balances_checks_total{provider=\"antgst\",account=\"default\",outcome=\"success\"} 1\n", body);
        Assert.Contains("balances_checks_total{provider=\"antgst\",account=\"default\",outcome=\"unauthorized\"} 1\n", body);
        Assert.Contains("balances_check_interval_seconds{provider=\"undrctrl\",account=\"default\"} 120\n", body);
        Assert.Contains("balances_check_interval_seconds{provider=\"telnyx\",account=\"default\"} 60\n", body);
        Assert.Contains("balances_threshold{provider=\"mesh\",account=\"default\",kind=\"total_cash\",level=\"critical\"} 10\n", body);
        Assert.Contains("balances_threshold{provider=\"mesh\",account=\"default\",kind=\"total_cash\",level=\"warning\"} 50\n", body);
        Assert.Contains("balances_threshold{provider=\"antgst\",account=\"default\",kind=\"voip\",level=\"critical\"} 2.5\n", body);
        Assert.DoesNotContain("balances_threshold{provider=\"telnyx\"", body, StringComparison.Ordinal);
        // The library's version is the tool's: one version for everything shipped.
        Assert.Matches(
            $$"""\nbalances_build_info\{version="{{Regex.Escape(ToolVersion.Version)}}",revision="([0-9a-f]{40}|unknown)"\} 1\n""", body);
        Assert.Contains(
            "# TYPE balances_webhook_deliveries_total counter\nbalances_webhook_deliveries_total{outcome=\"delivered\"} 0\n"
            + "balances_webhook_deliveries_total{outcome=\"failed\"} 0\n# HELP balances_webhook_pending ",
            body,
            StringComparison.Ordinal);
        Assert.Contains("# TYPE balances_webhook_pending gauge\nbalances_webhook_pending 0\n", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE balances_leader gauge\nbalances_leader 1\n", body, StringComparison.Ordinal);
        string[] process =
        [
            "process_cpu_seconds_total", "process_resident_memory_bytes", "process_virtual_memory_bytes", "process_start_time_seconds",
            "process_open_fds", "process_max_fds",
        ];
        foreach (var family in process)
        {
            Assert.Matches($"\n{family} [0-9.e+]+\n", body);
        }
    }

    [FactWhenInstalled("/usr/bin/promtool")]
    public async Task Metrics_PromtoolCheckMetrics_FindsNoProblem()
    {
        await using var serve = await ServeHarness.StartAsync(["--warn", "telnyx=500", "--min", "mesh.cash=5"]);
        await serve.CheckEveryAccountAsync();
        serve.Fakes["antgst"].Default = FakeResponse.Dropped;
        await serve.AdvanceAsync(TimeSpan.FromMinutes(6));

        var (_, body, _) = await serve.GetAsync("/metrics");

        var start = new ProcessStartInfo("/usr/bin/promtool", ["check", "metrics"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var promtool = Process.Start(start)!;
        await promtool.StandardInput.WriteAsync(body);
        promtool.StandardInput.Close();
        var problems = promtool.StandardOutput.ReadToEndAsync();
        var errors = promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitOrKillAsync(Bounded.Limit, "promtool check metrics");
        Assert.True(promtool.ExitCode == 0, $"promtool: {await problems}{await errors}\n{body}");
        Assert.Contains("""balances_check_error{provider="antgst",account="default",kind="network"} 1""", body);
    }

    [Fact]
    public async Task Scrapes_AThousandOfEachDocument_NeverReachAProvider()
    {
        await using var serve = await ServeHarness.StartAsync();
        await serve.CheckEveryAccountAsync();
        Assert.Equal(Providers.Length, serve.ProviderRequests);

        for (var i = 0; i < 1000; i++)
        {
            using var metrics = await serve.Http.GetAsync("/metrics");
            using var balances = await serve.Http.GetAsync("/api/v1/balances");
            using var health = await serve.Http.GetAsync("/health");
            Assert.True(metrics.IsSuccessStatusCode && balances.IsSuccessStatusCode && health.IsSuccessStatusCode);
        }

        Assert.Equal(Providers.Length, serve.ProviderRequests);
        await serve.AdvanceAsync(TimeSpan.FromMinutes(5.5));
        Assert.All(Providers, id => Assert.Equal(2, serve.Fakes[id].Requests.Count));
    }

    [Fact]
    public async Task Balances_IsTheCheckDocumentWithCheckedAtAndStale_AndFitsTheSchema()
    {
        await using var serve = await ServeHarness.StartAsync(["--warn", "telnyx=500"]);
        await serve.CheckEveryAccountAsync();

        var (status, body, contentType) = await serve.GetAsync("/api/v1/balances");

        Assert.Equal(200, status);
        Assert.Equal("application/json; charset=utf-8", contentType);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "docs", "balances-output.schema.json"));
        Assert.Empty(schema.Validate(body));
        using var document = JsonDocument.Parse(body);
        var results = document.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Providers, results.Select(r => r.GetProperty("provider").GetString()));
        Assert.All(results, r => Assert.False(r.GetProperty("stale").GetBoolean()));
        var telnyx = results.Single(r => r.GetProperty("provider").GetString() == "telnyx");
        Assert.Equal("warning", telnyx.GetProperty("level").GetString());
        var reading = serve.Monitor.Readings.Single(r => r.Provider == "telnyx");
        Assert.Equal(reading.CheckedAt, telnyx.GetProperty("checkedAt").GetDateTimeOffset());
        Assert.EndsWith("Z", telnyx.GetProperty("checkedAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedCheck_KeepsTheLastGoodAmountsMarkedStale_AndShowsTheFailure()
    {
        await using var serve = await ServeHarness.StartAsync();
        await serve.CheckEveryAccountAsync();
        var good = serve.Monitor.Readings.Single(r => r.Provider == "undrctrl").CheckedAt;
        serve.Fakes["undrctrl"].Default = FakeResponse.Json(500, """{"error":"down"}""");

        await serve.AdvanceAsync(TimeSpan.FromMinutes(6));

        Assert.Equal(2, serve.Fakes["undrctrl"].Requests.Count);
        var (_, json, _) = await serve.GetAsync("/api/v1/balances");
        using var document = JsonDocument.Parse(json);
        var undrctrl = document.RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("provider").GetString() == "undrctrl");
        Assert.True(undrctrl.GetProperty("stale").GetBoolean());
        Assert.False(undrctrl.GetProperty("ok").GetBoolean());
        Assert.Equal(good, undrctrl.GetProperty("checkedAt").GetDateTimeOffset());
        Assert.Equal(1000.92m, undrctrl.GetProperty("balances")[0].GetProperty("amount").GetDecimal());
        Assert.Equal("unavailable", undrctrl.GetProperty("error").GetProperty("kind").GetString());

        var (_, metrics, _) = await serve.GetAsync("/metrics");
        Assert.Contains(UndrctrlAmount, metrics, StringComparison.Ordinal);
        Assert.Contains("balances_check_success{provider=\"undrctrl\",account=\"default\"} 0\n", metrics);
        Assert.Contains("balances_check_error{provider=\"undrctrl\",account=\"default\",kind=\"unavailable\"} 1\n", metrics);
        Assert.Contains(
            $"balances_last_success_timestamp_seconds{{provider=\"undrctrl\",account=\"default\"}} {good.ToUnixTimeSeconds()}\n", metrics);

        var health = await serve.GetAsync("/health");
        Assert.Equal((503, "Unhealthy"), (health.Status, health.Body));
    }

    [Theory]
    [InlineData(new string[0], 200, "Healthy")]
    [InlineData(new[] { "--warn", "undrctrl=2000" }, 200, "Degraded")]
    [InlineData(new[] { "--min", "undrctrl=2000" }, 503, "Unhealthy")]
    public async Task Health_WorstLevelOfTheReadings_DecidesTheAnswer(string[] args, int status, string answer)
    {
        await using var serve = await ServeHarness.StartAsync(args);
        await serve.CheckEveryAccountAsync();
        var requests = serve.ProviderRequests;

        var health = await serve.GetAsync("/health");

        Assert.Equal((status, answer), (health.Status, health.Body));
        Assert.Equal(requests, serve.ProviderRequests);
    }

    [Fact]
    public async Task Thresholds_FromConfigurationAndFlags_LevelEveryFormat_TheFlagWinning()
    {
        var environment = new Dictionary<string, string?>
        {
            ["Balances__Thresholds__0__Provider"] = "telnyx",
            ["Balances__Thresholds__0__Critical"] = "1000",
            ["Balances__Thresholds__1__Provider"] = "undrctrl",
            ["Balances__Thresholds__1__Warning"] = "5000",
        };
        await using var serve = await ServeHarness.StartAsync(["--min", "telnyx=10"], environment);
        await serve.CheckEveryAccountAsync();

        var (_, metrics, _) = await serve.GetAsync("/metrics");

        Assert.Contains("balances_level{provider=\"telnyx\",account=\"default\"} 0\n", metrics);
        Assert.Contains("balances_level{provider=\"undrctrl\",account=\"default\"} 1\n", metrics);
    }

    [Fact]
    public async Task Interval_FromTheFlag_SetsTheSchedule()
    {
        await using var serve = await ServeHarness.StartAsync(["--interval", "60"]);
        await serve.CheckEveryAccountAsync();

        await serve.AdvanceAsync(TimeSpan.FromSeconds(70));

        Assert.All(Providers, id => Assert.Equal(2, serve.Fakes[id].Requests.Count));
    }

    [Theory]
    [InlineData("/nothing", "GET", 404)]
    [InlineData("/metrics", "POST", 405)]
    [InlineData("/api/v1/balances", "DELETE", 405)]
    [InlineData("/health", "POST", 405)]
    [InlineData("/readyz", "PUT", 405)]
    public async Task Requests_ForNothingServed_AreRefusedWithoutReachingAProvider(string path, string method, int status)
    {
        await using var serve = await ServeHarness.StartAsync();
        var requests = serve.ProviderRequests;

        using var response = await serve.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(requests, serve.ProviderRequests);
    }

    [Fact]
    public async Task Answers_AndStandardError_NeverShowACredential()
    {
        await using var serve = await ServeHarness.StartAsync(["--verbose"]);
        await serve.CheckEveryAccountAsync();
        serve.Fakes["antgst"].Default = FakeResponse.Json(200, """{"msg":"auth secret error!","code":-22}""");
        serve.Fakes["mesh"].Default = FakeResponse.Json(401, """{"message":"bad client"}""");
        await serve.AdvanceAsync(TimeSpan.FromMinutes(6));

        var answers = new List<string> { serve.Error };
        foreach (var path in new[] { "/metrics", "/api/v1/balances", "/health", "/readyz", "/healthz" })
        {
            answers.Add((await serve.GetAsync(path)).Body);
        }

        var secrets = serve.Fakes.Providers.Values.SelectMany(p => p.Credentials.Values).Where(v => v.Length >= 8).ToList();
        Assert.NotEmpty(secrets);
        Assert.All(answers, answer => Assert.All(secrets, secret => Assert.DoesNotContain(secret, answer, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stop_LikeASignal_ExitsZero()
    {
        await using var serve = await ServeHarness.StartAsync();

        Assert.Equal(ExitCodes.Ok, await serve.StopAsync());
        Assert.Contains("serving http://127.0.0.1:", serve.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--interval", "5")]
    [InlineData("--interval", "86401")]
    [InlineData("--listen", "nowhere")]
    [InlineData("--listen", "127.0.0.1:70000")]
    [InlineData("--listen", "localhost:0")]
    [InlineData("--min", "nobody=1")]
    public async Task Serve_BadOption_ExitsUsageNamingIt(string option, string value)
    {
        var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, "serve", "--demo", option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith($"balances: {option} ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_NoAccountConfigured_ExitsUsage()
    {
        var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, "serve", "--listen", "127.0.0.1:0", "--no-store");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no provider is configured", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_AddressInUse_ExitsOneNamingTheAddress()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var address = $"127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, "serve", "--demo", "--listen", address);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains($"cannot serve http://{address}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_AddressNotOfThisMachine_ExitsOneNamingTheAddress()
    {
        // 192.0.2.1 is reserved for documentation (RFC 5737): no machine has it.
        var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, "serve", "--demo", "--listen", "192.0.2.1:9477");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("balances: cannot serve http://192.0.2.1:9477: Cannot assign requested address\n", run.Error);
    }
}
