using System.Diagnostics;
using System.Text.Json;

namespace BalanceClients.Tests.Cli;

/// <summary>The built tool as a real process, as a user or a monitoring script runs it.</summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class BalancesProcessTests
{
    [Fact]
    public async Task Demo_AsAProcess_ExitsZeroWithTheContractsJson()
    {
        var stopwatch = Stopwatch.StartNew();

        var run = await CliRun.ProcessAsync(new Dictionary<string, string?>(), "check", "--demo", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(run.Error);
        using var document = JsonDocument.Parse(run.Out);
        var results = document.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["antgst", "lumenfall", "mesh", "telnyx", "undrctrl"], results.Select(r => r.GetProperty("provider").GetString()));
        Assert.Contains("\"amount\": 1000.92,", run.Out, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"the demo took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Redirected_TableOutput_IsPlainText()
    {
        var run = await CliRun.ProcessAsync(new Dictionary<string, string?>(), "check", "--demo", "--format", "table");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("\u001b", run.Out, StringComparison.Ordinal);
        Assert.Contains("| undrctrl ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigurationMistake_AsAProcess_ExitsSixtyFourWithOneLine()
    {
        var run = await CliRun.ProcessAsync(new Dictionary<string, string?> { ["MESH_CLIENT_ID"] = "x" }, "check");

        Assert.Equal(64, run.ExitCode);
        Assert.Equal(
            "balances: MESH_CLIENT_SECRET is not set: "
            + "mesh needs all of MESH_CLIENT_ID, MESH_CLIENT_SECRET, MESH_AUTH_TOKEN, MESH_BROKER_TYPE.",
            run.Error.Trim());
    }

    [Fact]
    public async Task Version_AsAProcess_PrintsThePackageVersion()
    {
        var run = await CliRun.ProcessAsync(new Dictionary<string, string?>(), "--version");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("0.1.0", run.Out, StringComparison.Ordinal);
    }
}
