using System.Diagnostics;
using System.Text.Json;
using BalanceClients.FakeProviders;

namespace BalanceClients.Tests.Cli;

/// <summary>The check's deadline: <c>--timeout</c>, else <c>Balances:Timeout</c> from configuration, else 30 s.</summary>
public sealed class TimeoutTests
{
    [Theory]
    [InlineData("1e-300")]
    [InlineData("0.0009")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e300")]
    [InlineData("4294968")]
    [InlineData("soon")]
    public async Task Check_TimeoutOutOfRange_ExitsSixtyFourNamingTheFlag(string timeout)
    {
        var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, "check", "--demo", "--timeout", timeout);

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith($"balances: --timeout '{timeout}': ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Balances:Timeout", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("86400")]
    public async Task Check_TimeoutAtTheEndsOfTheRange_IsAccepted(string timeout)
    {
        var run = await CliRun.InProcessAsync(
            new Dictionary<string, string?>(), false, "check", "--demo", "--format", "json", "--timeout", timeout);

        Assert.Empty(run.Error);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(5, document.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Check_TimeoutInTheConfigFile_AppliesWithoutTheFlag()
    {
        await using var fakes = await SlowMeshAsync();
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """{ "Balances": { "Timeout": "00:00:00.2" } }""");

            var stopwatch = Stopwatch.StartNew();

            var run = await CliRun.InProcessAsync(fakes.Environment, false, "check", "--format", "json", "--config", file);

            AssertMeshTimedOut(run, stopwatch);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Check_TimeoutInTheEnvironment_AppliesWithoutTheFlag()
    {
        await using var fakes = await SlowMeshAsync();
        var environment = new Dictionary<string, string?>(fakes.Environment) { ["Balances__Timeout"] = "00:00:00.2" };

        var stopwatch = Stopwatch.StartNew();

        var run = await CliRun.InProcessAsync(environment, false, "check", "--format", "json");

        AssertMeshTimedOut(run, stopwatch);
    }

    [Fact]
    public async Task Check_TimeoutFlagAndConfiguration_TheFlagWins()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var environment = new Dictionary<string, string?>(fakes.Environment) { ["Balances__Timeout"] = "00:00:00.0000001" };

        var run = await CliRun.InProcessAsync(environment, false, "check", "--format", "json", "--timeout", "30");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
    }

    [Fact]
    public async Task Check_ConfiguredTimeoutBeyondADay_ExitsSixtyFourNamingTheSetting()
    {
        var environment = new Dictionary<string, string?>
        {
            ["UNDRCTRL_API_KEY"] = "k",
            ["Balances__Timeout"] = "10675199.02:48:05.4775807",
        };

        var run = await CliRun.InProcessAsync(environment, false, "check", "--format", "json");

        Assert.Equal(64, run.ExitCode);
        Assert.Equal("balances: Balances:Timeout must be between 1 ms and 1 day.\n", run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("30")]
    [InlineData(" 5 ")]
    public async Task Check_ConfiguredTimeoutAsABareNumber_ExitsSixtyFourInsteadOfWaitingDays(string timeout)
    {
        var environment = new Dictionary<string, string?> { ["UNDRCTRL_API_KEY"] = "k", ["Balances__Timeout"] = timeout };

        var run = await CliRun.InProcessAsync(environment, false, "check", "--format", "json");

        Assert.Equal(64, run.ExitCode);
        Assert.Equal(
            $"balances: Balances:Timeout '{timeout.Trim()}' is a number of days to .NET: write a time span, 00:00:30 for 30 seconds.",
            run.Error.TrimEnd('\n'));
    }

    private static async Task<FakeProviderServer> SlowMeshAsync()
    {
        var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        fakes["mesh"].Default = fakes["mesh"].Success with { Delay = TimeSpan.FromMinutes(5) };
        return fakes;
    }

    private static void AssertMeshTimedOut(CliRun run, Stopwatch stopwatch)
    {
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}: the configured 0.2 s deadline was not used");
        Assert.True(run.ExitCode == 1, run.Error);
        using var document = JsonDocument.Parse(run.Out);
        var mesh = document.RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("provider").GetString() == "mesh");
        Assert.Equal("timeout", mesh.GetProperty("error").GetProperty("kind").GetString());
    }
}
