using System.Diagnostics;
using System.Text.Json;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing.Snapshots;

namespace BalanceClients.Tests.Cli;

public sealed class CheckCommandTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public async Task Check_DemoAsJson_MatchesSnapshot()
    {
        var run = await CliRun.InProcessAsync(NoEnvironment, false, "check", "--demo", "--format", "json");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        using var _ = JsonDocument.Parse(run.Out);
        await Verifier.VerifyJson(run.Out);
    }

    [Fact]
    public async Task Check_DemoAsTable_MatchesSnapshot()
    {
        var run = await CliRun.InProcessAsync(NoEnvironment, false, "check", "--demo", "--format", "table");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal);
        await Verifier.Verify(run.Out);
    }

    [Fact]
    public async Task Check_DemoAsPrometheus_MatchesSnapshot()
    {
        var run = await CliRun.InProcessAsync(NoEnvironment, false, "check", "--demo", "--format", "prometheus");

        Assert.Equal(0, run.ExitCode);
        await Verifier.Verify(run.Out, "prom");
    }

    [Fact]
    public async Task Check_Redirected_DefaultsToJson()
    {
        var run = await CliRun.InProcessAsync(NoEnvironment, false, "check", "--demo");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(5, document.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Check_TerminalWithColour_UsesAnsiAndTable()
    {
        var run = await CliRun.InProcessAsync(NoEnvironment, true, "check", "--demo", "--min", "telnyx=1000");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("\u001b[", run.Out, StringComparison.Ordinal);
        Assert.Contains("available_credit", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TerminalWithNoColor_IsPlainText()
    {
        var run = await CliRun.InProcessAsync(
            new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, true, "check", "--demo", "--min", "telnyx=1000");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal);
        Assert.Contains("LOW", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("telnyx=400", 0)]
    [InlineData("telnyx=400.01", 2)]
    [InlineData("telnyx.balance=300", 0)]
    [InlineData("telnyx.balance=300.5", 2)]
    [InlineData("mesh.cash=100", 2)]
    [InlineData("mesh=10", 0)]
    [InlineData("antgst=-20", 0)]
    [InlineData("antgst=0", 2)]
    [InlineData("lumenfall=12.51", 2)]
    public async Task Check_MinThreshold_ReportsLowAndExitsTwo(string threshold, int exitCode)
    {
        var run = await CliRun.InProcessAsync(NoEnvironment, false, "check", "--demo", "--format", "json", "--min", threshold);

        Assert.Equal(exitCode, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var provider = threshold.Split('=', '.')[0];
        var result = document.RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("provider").GetString() == provider);
        Assert.Equal(exitCode == 2, result.GetProperty("low").GetBoolean());
    }

    [Fact]
    public async Task Check_ProviderFilter_ChecksOnlyThose()
    {
        var run = await CliRun.InProcessAsync(
            NoEnvironment, false, "check", "--demo", "--format", "json", "--provider", "mesh", "--provider", "antgst");

        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(
            ["antgst", "mesh"],
            document.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("provider").GetString()));
    }

    [Fact]
    public async Task Check_OneProviderFails_ExitsOneWithTheErrorInJson()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        fakes["antgst"].Default = FakeResponse.Json(200, """{"msg":"auth secret error!","code":-22}""");

        var run = await CliRun.InProcessAsync(fakes.Environment, false, "check", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var antgst = document.RootElement.GetProperty("results")[0];
        Assert.Equal(
            """{"kind":"unauthorized","httpStatus":200,"providerCode":"-22","message":"auth secret error!"}""",
            JsonSerializer.Serialize(antgst.GetProperty("error")));
        Assert.False(antgst.GetProperty("ok").GetBoolean());
        Assert.Equal(0, antgst.GetProperty("balances").GetArrayLength());
    }

    [Fact]
    public async Task Check_OneProviderSlowerThanTheTimeout_IsTimeoutAndOthersAreReported()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        fakes["mesh"].Default = fakes["mesh"].Success with { Delay = TimeSpan.FromSeconds(30) };
        var stopwatch = Stopwatch.StartNew();

        var run = await CliRun.InProcessAsync(fakes.Environment, false, "check", "--format", "json", "--timeout", "1");

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            var timedOut = result.GetProperty("provider").GetString() == "mesh";
            Assert.Equal(!timedOut, result.GetProperty("ok").GetBoolean());
            if (timedOut)
            {
                Assert.Equal("timeout", result.GetProperty("error").GetProperty("kind").GetString());
            }
        }
    }

    [Theory]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--min", "telnyx")]
    [InlineData("check", "--min", "nope=3")]
    [InlineData("check", "--min", "telnyx.sms=3")]
    [InlineData("check", "--min", "telnyx=lots")]
    [InlineData("check", "--timeout", "0")]
    [InlineData("check", "--timeout", "soon")]
    [InlineData("check", "--provider", "twilio")]
    [InlineData("check", "--frobnicate")]
    [InlineData("report")]
    [InlineData]
    public async Task Check_BadArguments_ExitSixtyFourWithoutAStackTrace(params string[] args)
    {
        string[] withDemo = args is ["check", ..] ? [.. args, "--demo"] : args;

        var run = await CliRun.InProcessAsync(NoEnvironment, false, withDemo);

        Assert.Equal(64, run.ExitCode);
        Assert.DoesNotContain("no provider is configured", run.Error, StringComparison.Ordinal);
        Assert.NotEmpty(run.Error);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("--min", "tel\nnyx=1")]
    [InlineData("--min", "telnyx.\u001b[31m=1")]
    [InlineData("--format", "x\ny")]
    [InlineData("--format", "xml")]
    [InlineData("--provider", "twilio")]
    [InlineData("--timeout", "\u001b]0;pwned\u0007")]
    [InlineData("--frob\u001b[31m", "--verbose")]
    public async Task Check_BadArgument_IsOneLineWithoutControlCharacters(string option, string value)
    {
        var run = await CliRun.InProcessAsync(NoEnvironment, false, "check", "--demo", option, value);

        Assert.Equal(64, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith("Run 'balances", StringComparison.Ordinal));
        Assert.StartsWith("balances: ", Assert.Single(lines), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Error, c => char.IsControl(c) && c != '\n');
    }

    public static TheoryData<IReadOnlyDictionary<string, string?>, string[], string> ConfigurationMistakes => new()
    {
        { new Dictionary<string, string?>(), [], "no provider is configured" },
        { new Dictionary<string, string?> { ["UNDRCTRL_API_KEY"] = "k" }, ["--provider", "telnyx"],
            "--provider telnyx: telnyx is not configured (set TELNYX_API_KEY)." },
        { new Dictionary<string, string?> { ["MESH_CLIENT_ID"] = "i", ["MESH_CLIENT_SECRET"] = "s3cret", ["MESH_BROKER_TYPE"] = "sandbox" },
            [], "MESH_AUTH_TOKEN is not set" },
        {
            new Dictionary<string, string?>
            {
                ["MESH_CLIENT_ID"] = "i",
                ["MESH_CLIENT_SECRET"] = "s3cret",
                ["MESH_AUTH_TOKEN"] = "t",
                ["MESH_BROKER_TYPE"] = "nasdaq",
            },
            [],
            "MESH_BROKER_TYPE 'nasdaq'"
        },
        { new Dictionary<string, string?> { ["TELNYX_API_KEY"] = "s3cret", ["TELNYX_BASE_URL"] = "http://api.telnyx.com/v2" },
            [], "TELNYX_BASE_URL must use https://" },
        { new Dictionary<string, string?> { ["TELNYX_API_KEY"] = "s3cret", ["TELNYX_BASE_URL"] = "::nope" },
            [], "TELNYX_BASE_URL is not a valid URL" },
        { new Dictionary<string, string?> { ["Balances__Providers__antgst__Accounts__cn__Whatever"] = "x" },
            [], "Balances:Providers:antgst:Accounts:cn:AuthSecret is not set" },
    };

    [Theory]
    [MemberData(nameof(ConfigurationMistakes))]
    public async Task Check_ConfigurationMistake_ExitsSixtyFourWithOneLineNamingIt(
        IReadOnlyDictionary<string, string?> environment,
        string[] args,
        string message)
    {
        var run = await CliRun.InProcessAsync(environment, false, ["check", "--format", "json", .. args]);

        Assert.Equal(64, run.ExitCode);
        Assert.Empty(run.Out);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AccountsFile_StreamsOneJsonLinePerAccount()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var file = Path.GetTempFileName();
        try
        {
            var lines = Enumerable.Range(0, 40).Select(i => i % 2 == 0
                ? AccountLines.Mesh($"m{i}")
                : i == 1 ? AccountLines.Antgst($"a{i}", authSecret: "wrong") : AccountLines.Antgst($"a{i}"));
            await File.WriteAllLinesAsync(file, lines);

            var run = await CliRun.InProcessAsync(fakes.Environment, false, "check", "--accounts", file, "--format", "json");

            Assert.Equal(1, run.ExitCode);
            var results = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement)
                .ToList();
            Assert.Equal(40, results.Count);
            Assert.Equal(39, results.Count(r => r.GetProperty("ok").GetBoolean()));
            Assert.Equal("a1", results.Single(r => !r.GetProperty("ok").GetBoolean()).GetProperty("account").GetString());
            Assert.DoesNotContain("demo-mesh-client-secret", run.Out + run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Check_AccountsFileWithABadLine_ExitsSixtyFourNamingTheLine()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(file, ["""{"provider":"nope","name":"x","credentials":{}}"""]);

            var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, "check", "--accounts", file);

            Assert.Equal(64, run.ExitCode);
            Assert.Contains($"line 1 of {Path.GetFileName(file)}: 'nope' is not a known provider", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("table")]
    [InlineData("prometheus")]
    public async Task Check_EveryFormatAndErrorPath_ShowsNoSecret(string format)
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        fakes["undrctrl"].Default = FakeResponse.Json(200, """{"error":"bad key demo-undrctrl-api-key"}""");
        fakes["mesh"].Default = FakeResponse.Json(
            200, """{"status":"badRequest","message":"demo-mesh-client-secret","errorType":"demo-mesh-auth-token"}""");
        fakes["telnyx"].Default = FakeResponse.Dropped;

        var run = await CliRun.InProcessAsync(fakes.Environment, false, "check", "--format", format, "--verbose");

        Assert.Equal(1, run.ExitCode);
        var secrets = fakes.Providers.Values
            .SelectMany(p => p.Credentials)
            .Where(c => !c.Key.EndsWith("_ID", StringComparison.Ordinal) && !c.Key.EndsWith("_TYPE", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret.Value, run.Out + run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_DescribesTheOptions()
    {
        var run = await CliRun.InProcessAsync(NoEnvironment, false, "check", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--format", "--provider", "--min", "--timeout", "--demo", "--accounts" })
        {
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
        }
    }

}
