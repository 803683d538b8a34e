using System.Globalization;
using System.Text.Json;
using BalanceClients.History;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary><c>balances serve</c> with a store: it records every reading, and shows the runway the recorded history gives.</summary>
public sealed class ServeHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new ManualTimeProvider().GetUtcNow();
    private readonly string _folder = Directory.CreateTempSubdirectory("balances-serve-").FullName;

    private string StorePath => Path.Combine(_folder, "balances.db");

    [Fact]
    public async Task Serve_WithAStore_RecordsEveryReading()
    {
        await using (var serve = await ServeHarness.StartAsync(["--store", StorePath]))
        {
            await serve.CheckEveryAccountAsync();
            Assert.Contains($"recording in '{StorePath}'", serve.Error, StringComparison.Ordinal);
        }

        var history = await CliRun.InProcessAsync(
            new Dictionary<string, string?>(), false, "history", "--store", StorePath, "--format", "csv", "--provider", "undrctrl");
        Assert.Equal(0, history.ExitCode);
        Assert.Contains("undrctrl,default,balance,IDR,1000.92", history.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithASteadyBurnRecorded_ShowsTheRunwayEverywhere()
    {
        // 10 IDR an hour for the last twelve hours, ending at the demo's 1000.92 now: 240 a day, 1000.92 / 240 days left.
        await using (var store = await BalanceStore.OpenAsync(StorePath, null, new ManualTimeProvider()))
        {
            await store.ImportAsync(Enumerable.Range(1, 12).Select(hours =>
                new StoredReading(Now.AddHours(-hours), "undrctrl", "default", "balance", "IDR", 1000.92m + (10m * hours))));
        }

        var environment = new Dictionary<string, string?>
        {
            ["Balances__Thresholds__0__Provider"] = "undrctrl",
            ["Balances__Thresholds__0__RunwayWarning"] = "7.00:00:00",
        };
        await using var serve = await ServeHarness.StartAsync(["--store", StorePath], environment);
        await serve.CheckEveryAccountAsync();

        var (_, metrics, _) = await serve.GetAsync("/metrics");
        Assert.Contains(
            "balances_runway_seconds{provider=\"undrctrl\",account=\"default\",kind=\"balance\",currency=\"IDR\"} 360331\n", metrics);
        Assert.DoesNotContain("balances_runway_seconds{provider=\"telnyx\"", metrics, StringComparison.Ordinal);
        var emptyAt = DateTimeOffset.Parse("2026-11-26T16:05:39.200Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() / 1000m;
        Assert.Contains(
            "balances_runway_empty_timestamp_seconds{provider=\"undrctrl\",account=\"default\",kind=\"balance\",currency=\"IDR\"} "
            + $"{emptyAt.ToString(CultureInfo.InvariantCulture)}\n",
            metrics);

        var (_, json, _) = await serve.GetAsync("/api/v1/balances");
        using var document = JsonDocument.Parse(json);
        var results = document.RootElement.GetProperty("results").EnumerateArray().ToList();
        var runway = results.Single(r => r.GetProperty("provider").GetString() == "undrctrl").GetProperty("runway");
        Assert.Equal(360331, runway.GetProperty("seconds").GetInt64());
        Assert.Equal(240m, runway.GetProperty("burnPerDay").GetDecimal());
        // UNDRCTRL, last of the five, is first checked 8 s after the start: its 1000.92 is read at 12:00:08.
        Assert.Equal("2026-11-26T16:05:39.200Z", runway.GetProperty("emptyAt").GetString());
        var telnyx = results.Single(r => r.GetProperty("provider").GetString() == "telnyx");
        Assert.Equal(JsonValueKind.Null, telnyx.GetProperty("runway").ValueKind);

        var health = await serve.GetAsync("/health");
        Assert.Equal((200, "Degraded"), (health.Status, health.Body));
    }

    [Theory]
    [InlineData("a directory")]
    [InlineData("not a database")]
    public async Task Serve_StoreThatCannotBeUsed_ExitsUsageInOneLine(string what)
    {
        if (what == "a directory")
        {
            Directory.CreateDirectory(StorePath);
        }
        else
        {
            await File.WriteAllTextAsync(StorePath, "these are not the pages of a database\n");
        }

        var run = await CliRun.InProcessAsync(
            new Dictionary<string, string?>(), false, "serve", "--demo", "--listen", "127.0.0.1:0", "--store", StorePath);

        Assert.Equal(BalanceClients.Cli.ExitCodes.Usage, run.ExitCode);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains(StorePath, run.Error, StringComparison.Ordinal);
        if (what != "a directory")
        {
            Assert.Equal("these are not the pages of a database\n", await File.ReadAllTextAsync(StorePath));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Serve_Demo_RecordsWhereToldButNeverInTheDefaultStore(bool balancesStore)
    {
        var state = Path.Combine(_folder, "state");
        using var stop = new CancellationTokenSource();
        var environment = new Dictionary<string, string?> { ["XDG_STATE_HOME"] = state };
        if (balancesStore)
        {
            environment["BALANCES_STORE"] = StorePath;
        }

        var console = new BalanceClients.Cli.CliConsole(new MemoryStream(), new StringWriter(), environment, false)
        {
            Serving = _ => stop.Cancel(),
        };

        var exit = await BalanceClients.Cli.BalancesCommand.RunAsync(["serve", "--demo", "--listen", "127.0.0.1:0"], console, stop.Token);

        Assert.Equal(0, exit);
        Assert.Equal(balancesStore, File.Exists(StorePath));
        Assert.False(Directory.Exists(state));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
