using System.Runtime.Versioning;
using System.Text.Json;
using BalanceClients.History;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;
using BalanceClients.Tests.Testing.Snapshots;
using NJsonSchema;

namespace BalanceClients.Tests.Cli;

public sealed class HistoryCommandTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task History_AsTable_MatchesSnapshot()
    {
        var store = await HistoryCli.CreateSampleStoreAsync(_folder.File());

        var run = await HistoryCli.RunAsync(store, "--format", "table");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        Assert.All(run.Out.Split('\n'), line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        await Verifier.Verify(run.Out);
    }

    [Fact]
    public async Task History_AsCsv_MatchesSnapshot()
    {
        var store = await HistoryCli.CreateSampleStoreAsync(_folder.File());

        var run = await HistoryCli.RunAsync(store, "--format", "csv");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        var lines = run.Out.Split('\n');
        Assert.Equal("time,provider,account,kind,currency,amount", lines[0]);
        Assert.Equal("2026-11-20T16:00:00.000Z,lumenfall,default,available,USD,", lines[1]);
        Assert.Contains("2026-11-22T06:00:00.000Z,undrctrl,\"eu, \"\"main\"\"\",balance,EUR,10", lines);
        Assert.Contains("2026-11-22T11:00:00.000Z,antgst,'=SUM(A1),sms,USD,-20", lines);
        Assert.Contains("2026-11-20T16:00:00.000Z,telnyx,default,available_credit,USD,400", lines);
        await Verifier.Verify(run.Out, "csv");
    }

    [Fact]
    public async Task History_AsJson_MatchesSnapshotAndItsSchema()
    {
        var store = await HistoryCli.CreateSampleStoreAsync(_folder.File());

        var run = await HistoryCli.RunAsync(store, "--format", "json");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "docs", "balances-history.schema.json"));
        Assert.Empty(schema.Validate(run.Out));
        Assert.Contains("\"amount\": 0.01234567", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"amount\": 12.50", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"time\": \"2026-11-22T12:00:00.000Z\"", run.Out, StringComparison.Ordinal);
        await Verifier.VerifyJson(run.Out);
    }

    [Fact]
    public async Task History_AsJson_WritesAmountsExactly()
    {
        var store = _folder.File();
        await using (var created = await BalanceStore.OpenAsync(store))
        {
            await created.ImportAsync(
            [
                new StoredReading(HistoryCli.Now, "mesh", "m", AmountKinds.Cash, "BTC", 0.1234567890123456789012345678m),
                new StoredReading(HistoryCli.Now, "mesh", "m", AmountKinds.TotalCash, "USD", -79228162514264337593543950335m),
            ]);
        }

        var run = await HistoryCli.RunAsync(store, "--format", "json");

        Assert.Contains("\"amount\": 0.1234567890123456789012345678\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"amount\": -79228162514264337593543950335\n", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "{")]
    [InlineData(true, "ACCOUNT")]
    public async Task History_WithoutFormat_IsATableOnATerminalAndJsonOtherwise(bool isTerminal, string start)
    {
        var store = await HistoryCli.CreateSampleStoreAsync(_folder.File());

        var run = await HistoryCli.RunAsync(store, null, isTerminal);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(start, run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12h", 8 + 1 + 1 + 1 + 1)]
    [InlineData("90m", 2 + 1)]
    [InlineData("2w", 24 + 8 + 3)]
    [InlineData("3600s", 2 + 1)]
    public async Task History_Since_KeepsTheReadingsOfThatLastWhile(string since, int readings)
    {
        var store = await HistoryCli.CreateSampleStoreAsync(_folder.File());

        var run = await HistoryCli.RunAsync(store, "--format", "csv", "--since", since);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(readings, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public async Task History_ProviderAndAccount_KeepOnlyThatAccountIgnoringTheCaseOfItsName()
    {
        var store = await HistoryCli.CreateSampleStoreAsync(_folder.File());

        var run = await HistoryCli.RunAsync(store, "--format", "json", "--provider", "undrctrl", "--account", "EU, \"MAIN\"");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var readings = document.RootElement.GetProperty("readings").EnumerateArray().ToList();
        Assert.Equal([12.50m, 10m], readings.Select(r => r.GetProperty("amount").GetDecimal()));
    }

    [Theory]
    [InlineData("csv", "time,provider,account,kind,currency,amount\n")]
    [InlineData("json", "{\n  \"readings\": []\n}\n")]
    [InlineData("table", "No readings.\n")]
    public async Task History_MissingStore_IsEmptySaysWhereItLookedAndCreatesNothing(string format, string output)
    {
        var store = Path.Combine(_folder.Path, "state", "balances.db");

        var run = await HistoryCli.RunAsync(store, "--format", format);

        Assert.Equal((0, output), (run.ExitCode, run.Out));
        Assert.Equal(
            $"balances: no readings recorded yet: {store} does not exist "
            + "(from --store; balances serve and balances check --record create it).\n",
            run.Error);
        Assert.False(Directory.Exists(Path.GetDirectoryName(store)));
    }

    [Fact]
    public async Task History_NoMatchingReadings_IsEmptyAndExitsZero()
    {
        var store = await HistoryCli.CreateSampleStoreAsync(_folder.File());

        var run = await HistoryCli.RunAsync(store, "--format", "table", "--account", "nobody");

        Assert.Equal((0, "No readings.\n", string.Empty), (run.ExitCode, run.Out, run.Error));
    }

    [Fact]
    public async Task History_StoreIsNotADatabase_ExitsSixtyFourWithOneLineAndWritesNothing()
    {
        var store = _folder.File("notes.db");
        await File.WriteAllTextAsync(store, "not a database\n");

        var run = await HistoryCli.RunAsync(store, "--format", "json");

        Assert.Equal((64, string.Empty), (run.ExitCode, run.Out));
        Assert.Equal($"balances: {store} is not a SQLite database; it was left as it is.\n", run.Error);
        Assert.Equal("not a database\n", await File.ReadAllTextAsync(store));
    }

    [Fact]
    public async Task History_StoreIsAFolder_ExitsSixtyFourWithOneLine()
    {
        var run = await HistoryCli.RunAsync(_folder.Path, "--format", "csv");

        Assert.Equal((64, string.Empty), (run.ExitCode, run.Out));
        Assert.Equal($"balances: {_folder.Path} is a folder, not a SQLite database; it was left as it is.\n", run.Error);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task History_StoreWithoutReadPermission_ExitsSixtyFourWithOneLine()
    {
        var store = await HistoryCli.CreateSampleStoreAsync(_folder.File());
        File.SetUnixFileMode(store, UnixFileMode.UserWrite);

        var run = await HistoryCli.RunAsync(store, "--format", "csv");

        Assert.Equal((64, string.Empty), (run.ExitCode, run.Out));
        Assert.Equal($"balances: {store} cannot be read: its permissions allow no reading.\n", run.Error);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task History_ReadOnlyStoreInReadOnlyFolder_IsPrintedWritingNothing()
    {
        using var writable = new StoreFolder();
        var csv = (await HistoryCli.RunAsync(await HistoryCli.CreateSampleStoreAsync(writable.File()), "--format", "csv")).Out;
        var store = await HistoryCli.CreateSampleStoreAsync(_folder.File());
        _folder.MakeReadOnly();
        var before = _folder.Hashes();

        var run = await HistoryCli.RunAsync(store, "--format", "csv");

        Assert.Equal((0, csv, string.Empty), (run.ExitCode, run.Out, run.Error));
        Assert.Equal(["balances.db"], before.Select(f => f.Name));
        Assert.Equal(before, _folder.Hashes());
    }

    [Fact]
    public async Task History_StoreOfVersion1_IsPrintedWithoutMigratingIt()
    {
        var store = _folder.File();
        StoreFolder.CreateVersion1(store);
        var before = _folder.Hashes();

        var run = await HistoryCli.RunAsync(store, "--format", "csv");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        Assert.Equal(
            "time,provider,account,kind,currency,amount\n2026-11-22T12:00:00.000Z,telnyx,eu,available_credit,USD,12.50\n", run.Out);
        Assert.Equal(before, _folder.Hashes());
        Assert.Equal(1L, StoreFolder.Scalar(store, "PRAGMA user_version"));
    }

    [Fact]
    public async Task History_StoreOfANewerSchema_ExitsSixtyFourWithOneLineAndWritesNothing()
    {
        var store = await HistoryCli.CreateSampleStoreAsync(_folder.File());
        StoreFolder.Scalar(store, "PRAGMA user_version = 99");
        var before = _folder.Hashes();

        var run = await HistoryCli.RunAsync(store, "--format", "csv");

        Assert.Equal((64, string.Empty), (run.ExitCode, run.Out));
        Assert.Equal(
            $"balances: {store} was written by a newer version of balances (schema 99; this one knows up to {StoreSchema.CurrentVersion}); "
            + "it was left as it is.\n",
            run.Error);
        Assert.Equal(before, _folder.Hashes());
    }

    [Theory]
    [InlineData("--since", "7", "balances: --since '7': a duration of more than zero is needed: a whole number from 1 to 999999 and")]
    [InlineData("--since", "1000000w", "balances: --since '1000000w': a duration of more than zero is needed: a whole number from 1 to")]
    [InlineData("--since", "0d", "balances: --since '0d': a duration of more than zero is needed")]
    [InlineData("--format", "prometheus", "balances: Argument 'prometheus' not recognized. Must be one of: 'table' 'json' 'csv'")]
    [InlineData("--provider", "twilio", "balances: Argument 'twilio' not recognized.")]
    [InlineData("--format", "csv", "balances: --import cannot be combined with --format: it reads a whole file into the store.")]
    public async Task History_BadArguments_ExitSixtyFour(string option, string value, string message)
    {
        string[] import = message.Contains("--import", StringComparison.Ordinal) ? ["--import", "x.csv"] : [];

        var run = await HistoryCli.RunAsync(_folder.File(), [option, value, .. import]);

        Assert.Equal((64, string.Empty), (run.ExitCode, run.Out));
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'balances history --help' for the options.\n", run.Error, StringComparison.Ordinal);
    }
}
