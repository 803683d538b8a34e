using System.Text.Json;
using BalanceClients.Cli;
using BalanceClients.FakeProviders;
using BalanceClients.History;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Cli;

/// <summary><c>balances check --record</c>, and the runway every check shows once a store holds enough history.</summary>
public sealed class CheckRecordTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly ManualTimeProvider _clock = new();

    private string StorePath => _folder.File();

    [Fact]
    public async Task Record_EachCheck_AddsItsReadingsToTheStore()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);

        var first = await CliRun.InProcessAsync(fakes.Environment, _clock, "check", "--record", "--store", StorePath);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var second = await CliRun.InProcessAsync(fakes.Environment, _clock, "check", "--record", "--store", StorePath);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        var readings = await ReadAsync("undrctrl");
        Assert.Equal([1000.92m, 1000.92m], readings.Select(r => r.Amount));
        Assert.Equal([_clock.GetUtcNow().AddMinutes(-5), _clock.GetUtcNow()], readings.Select(r => r.Time));
    }

    [Fact]
    public async Task Record_WithBalancesStore_UsesIt()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var environment = new Dictionary<string, string?>(fakes.Environment) { ["BALANCES_STORE"] = StorePath };

        var run = await CliRun.InProcessAsync(environment, _clock, "check", "--record", "--provider", "telnyx");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, (await ReadAsync("telnyx")).Count);
    }

    [Fact]
    public async Task Check_WithoutRecord_NeverCreatesTheStore()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var environment = new Dictionary<string, string?>(fakes.Environment) { ["XDG_STATE_HOME"] = _folder.Path };

        var run = await CliRun.InProcessAsync(environment, _clock, "check", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Path));
        Assert.Contains("\"runway\": null", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithASteadyBurnRecorded_ShowsTheRunwayInEveryFormat()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        await SeedBurnAsync();

        var json = await CliRun.InProcessAsync(fakes.Environment, _clock, "check", "--store", StorePath, "--format", "json");
        var prometheus = await CliRun.InProcessAsync(fakes.Environment, _clock, "check", "--store", StorePath, "--format", "prometheus");
        var table = await CliRun.InProcessAsync(fakes.Environment, _clock, "check", "--store", StorePath, "--format", "table");

        using var document = JsonDocument.Parse(json.Out);
        var results = document.RootElement.GetProperty("results").EnumerateArray().ToList();
        var runway = results.Single(r => r.GetProperty("provider").GetString() == "undrctrl").GetProperty("runway");
        Assert.Equal(
            """{"seconds":360331,"emptyAt":"2026-11-26T16:05:31.200Z","burnPerDay":240,"kind":"balance","currency":"IDR"}""",
            JsonSerializer.Serialize(runway));
        Assert.All(results.Where(r => r.GetProperty("provider").GetString() != "undrctrl"), r =>
            Assert.Equal(JsonValueKind.Null, r.GetProperty("runway").ValueKind));
        Assert.Contains(
            "balances_runway_seconds{provider=\"undrctrl\",account=\"default\",kind=\"balance\",currency=\"IDR\"} 360331\n",
            prometheus.Out,
            StringComparison.Ordinal);
        Assert.Contains(
            "undrctrl/default runs out in ~4 d (2026-11-26 16:05 UTC) at 240 IDR a day", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithoutRecord_OnlyReadsTheStore()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        // Readings a year old, five minutes apart: a store opened for writing would thin them to one an hour.
        await SeedBurnAsync(older: [.. Enumerable.Range(0, 24).Select(i => new StoredReading(
            _clock.GetUtcNow().AddDays(-365).AddMinutes(5 * i), "telnyx", "default", "balance", "USD", 400m))]);
        var before = _folder.Hashes();

        var run = await CliRun.InProcessAsync(fakes.Environment, _clock, "check", "--store", StorePath, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"seconds\": 360331", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Hashes());
        Assert.Equal(24, (await ReadAsync("telnyx")).Count(reading => reading.Time < _clock.GetUtcNow().AddDays(-300)));
    }

    [Fact]
    public async Task Record_ItsOwnReading_CountsInTheRunway()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        await SeedBurnAsync(hours: 5);

        var without = await CliRun.InProcessAsync(fakes.Environment, _clock, "check", "--store", StorePath, "--format", "json");
        var with = await CliRun.InProcessAsync(fakes.Environment, _clock, "check", "--store", StorePath, "--record", "--format", "json");

        Assert.Contains("\"runway\": null", without.Out, StringComparison.Ordinal);
        Assert.Contains("\"seconds\": 360331", with.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--record and --no-store cannot be given together.", "check", "--record", "--no-store")]
    [InlineData("--record with --demo needs --store PATH", "check", "--demo", "--record")]
    [InlineData("--store and --no-store cannot be given together.", "check", "--store", "x.db", "--no-store")]
    [InlineData("the path of a file is needed", "check", "--demo", "--record", "--store", "")]
    public async Task Record_WithoutAStore_ExitsUsage(string message, params string[] args)
    {
        var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), _clock, args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_NoHome_ExitsUsageButACheckAloneRuns()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);

        var record = await CliRun.InProcessAsync(fakes.Environment, _clock, "check", "--record");
        var check = await CliRun.InProcessAsync(fakes.Environment, _clock, "check");

        Assert.Equal((ExitCodes.Usage, ExitCodes.Ok), (record.ExitCode, check.ExitCode));
        Assert.Contains("no place for the store of readings", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_StoreThatIsNotADatabase_ExitsUsageBeforeCallingAProvider()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        await File.WriteAllTextAsync(StorePath, "not a database, just text\n");

        var run = await CliRun.InProcessAsync(fakes.Environment, _clock, "check", "--store", StorePath);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains(StorePath, run.Error, StringComparison.Ordinal);
        Assert.All(fakes.Providers.Values, provider => Assert.Empty(provider.Requests));
        Assert.Equal("not a database, just text\n", await File.ReadAllTextAsync(StorePath));
    }

    public void Dispose() => _folder.Dispose();

    // 10 IDR an hour for the last hours, ending at the demo's 1000.92 now (the newest one left out unless hours is 12).
    // Older readings are left as they are (no retention).
    private async Task SeedBurnAsync(int hours = 12, StoredReading[]? older = null)
    {
        await using var store = await BalanceStore.OpenAsync(StorePath, new BalanceStoreOptions { RawRetention = null }, _clock);
        await store.ImportAsync(Enumerable.Range(1, hours).Select(h =>
            new StoredReading(_clock.GetUtcNow().AddHours(-h), "undrctrl", "default", "balance", "IDR", 1000.92m + (10m * h)))
            .Concat(older ?? []));
    }

    private async Task<List<StoredReading>> ReadAsync(string provider)
    {
        await using var store = await BalanceStore.OpenReadOnlyAsync(StorePath, null, _clock);
        return await store.ReadAsync(provider).ToListAsync();
    }
}
