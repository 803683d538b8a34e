using System.Text.Json;
using BalanceClients.FakeProviders;

namespace BalanceClients.Tests.Cli;

/// <summary><c>--warn</c> and <c>--min</c>, configured thresholds, and the <c>level</c> every format reports.</summary>
public sealed class ThresholdTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Theory]
    [InlineData(new[] { "--warn", "telnyx=400.01" }, "warning", false, 0)]
    [InlineData(new[] { "--min", "telnyx=400.01" }, "critical", true, 2)]
    [InlineData(new[] { "--warn", "telnyx=1000", "--min", "telnyx=500" }, "critical", true, 2)]
    [InlineData(new[] { "--warn", "telnyx=1000", "--min", "telnyx=100" }, "warning", false, 0)]
    [InlineData(new[] { "--warn", "telnyx=400", "--min", "telnyx=100" }, "ok", false, 0)]
    [InlineData(new[] { "--warn", "telnyx=100", "--min", "telnyx=100" }, "ok", false, 0)]
    [InlineData(new[] { "--warn", "telnyx.balance=300.01" }, "warning", false, 0)]
    public async Task Check_WarnAndMin_GiveTheLevelAndTheExitStatus(string[] flags, string level, bool low, int exitCode)
    {
        var run = await CliRun.InProcessAsync(NoEnvironment, false, ["check", "--demo", "--format", "json", .. flags]);

        Assert.Equal(exitCode, run.ExitCode);
        var telnyx = Result(run, "telnyx");
        Assert.Equal((level, low), (telnyx.GetProperty("level").GetString(), telnyx.GetProperty("low").GetBoolean()));
        Assert.All(
            Results(run).Where(r => r.GetProperty("provider").GetString() != "telnyx"),
            r => Assert.Equal("ok", r.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task Check_ThresholdOnAMissingAmount_IsUnknownNotOk()
    {
        var run = await CheckMeshWithoutAmountsAsync("json");

        Assert.Equal(0, run.ExitCode);
        var mesh = Result(run, "mesh");
        Assert.Equal(
            ("unknown", false, true),
            (mesh.GetProperty("level").GetString(), mesh.GetProperty("low").GetBoolean(), mesh.GetProperty("ok").GetBoolean()));
    }

    [Fact]
    public async Task Check_ThresholdOnAMissingAmount_TableSaysUnknown()
    {
        var run = await CheckMeshWithoutAmountsAsync("table");

        Assert.Contains("n/a USD | UNKNOWN", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PrepaidLumenfallWithoutAnAmount_FailsInsteadOfPassingItsThreshold()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        fakes["lumenfall"].Default = FakeResponse.Json(
            200, """{"object":"balance","billing_type":"prepaid","available":{"amount":null,"currency":"usd"}}""");

        var run = await CliRun.InProcessAsync(
            fakes.Environment, false, "check", "--format", "json", "--provider", "lumenfall", "--min", "lumenfall=100");

        Assert.Equal(1, run.ExitCode);
        var lumenfall = Result(run, "lumenfall");
        Assert.Equal("invalid_response", lumenfall.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal("unknown", lumenfall.GetProperty("level").GetString());
    }

    [Fact]
    public async Task Check_ConfiguredThresholds_ApplyAndAFlagWinsForItsLevel()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var environment = new Dictionary<string, string?>(fakes.Environment)
        {
            ["Balances__Thresholds__0__Provider"] = "telnyx",
            ["Balances__Thresholds__0__Warning"] = "1000",
            ["Balances__Thresholds__0__Critical"] = "500",
            ["Balances__Thresholds__1__Provider"] = "antgst",
            ["Balances__Thresholds__1__Warning"] = "0",
        };

        var configured = await CliRun.InProcessAsync(environment, false, "check", "--format", "json");
        var overridden = await CliRun.InProcessAsync(environment, false, "check", "--format", "json", "--min", "telnyx=100");

        Assert.Equal(2, configured.ExitCode);
        Assert.Equal(("critical", "warning"), (Level(configured, "telnyx"), Level(configured, "antgst")));
        Assert.Equal(0, overridden.ExitCode);
        Assert.Equal(("warning", "warning"), (Level(overridden, "telnyx"), Level(overridden, "antgst")));
    }

    [Fact]
    public async Task Check_Levels_AreExportedToPrometheus()
    {
        var run = await CliRun.InProcessAsync(
            NoEnvironment, false, "check", "--demo", "--format", "prometheus", "--warn", "telnyx=1000", "--min", "antgst=0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("balances_level{provider=\"telnyx\",account=\"default\"} 1\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("balances_level{provider=\"antgst\",account=\"default\"} 2\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("balances_low{provider=\"antgst\",account=\"default\"} 1\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("balances_low{provider=\"telnyx\",account=\"default\"} 0\n", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--warn", "telnyx", "--warn 'telnyx': expected ID=AMOUNT or ID.KIND=AMOUNT.")]
    [InlineData("--warn", "telnyx.sms=1", "--warn 'telnyx.sms=1': telnyx has no amount of kind 'sms'")]
    [InlineData("--warn", "twilio=1", "--warn 'twilio=1': 'twilio' is not a provider")]
    [InlineData("--min", "mesh=lots", "--min 'mesh=lots': the amount is not a number.")]
    public async Task Check_BadThresholdFlag_ExitsSixtyFourNamingIt(string flag, string value, string message)
    {
        var run = await CliRun.InProcessAsync(NoEnvironment, false, "check", "--demo", flag, value);

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith("balances: " + message, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    [InlineData("check")]
    [InlineData("serve", "--listen", "127.0.0.1:0")]
    public async Task Command_WarnBelowMin_ExitsSixtyFourAsTheSamePairConfiguredDoes(string command, params string[] args)
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var configured = new Dictionary<string, string?>(fakes.Environment)
        {
            ["Balances__Thresholds__0__Provider"] = "telnyx",
            ["Balances__Thresholds__0__Warning"] = "10",
            ["Balances__Thresholds__0__Critical"] = "100",
        };

        var flags = await CliRun.ProcessAsync(fakes.Environment, [command, .. args, "--warn", "telnyx=10", "--min", "telnyx=100"]);
        var configuration = await CliRun.ProcessAsync(configured, [command, .. args]);

        Assert.Equal(
            (64, "balances: --warn 'telnyx=10' and --min 'telnyx=100': its Warning level is below its Critical level, "
                + "so it could never warn first.\n"),
            (flags.ExitCode, flags.Error));
        Assert.Equal(64, configuration.ExitCode);
        Assert.Contains(
            "Balances:Thresholds:0: its Warning level is below its Critical level, so it could never warn first.",
            configuration.Error,
            StringComparison.Ordinal);
    }

    // A threshold on mesh's primary amount, and an answer with no balances: the amount it is about is missing.
    private static async Task<CliRun> CheckMeshWithoutAmountsAsync(string format)
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        fakes["mesh"].Default = FakeResponse.Json(200, """{"status":"ok","content":{"balances":[]}}""");
        return await CliRun.InProcessAsync(fakes.Environment, false, "check", "--format", format, "--provider", "mesh", "--min", "mesh=10");
    }

    private static List<JsonElement> Results(CliRun run) =>
        [.. JsonDocument.Parse(run.Out).RootElement.GetProperty("results").EnumerateArray()];

    private static JsonElement Result(CliRun run, string provider) =>
        Results(run).Single(r => r.GetProperty("provider").GetString() == provider);

    private static string? Level(CliRun run, string provider) => Result(run, provider).GetProperty("level").GetString();
}
