using System.Runtime.Versioning;
using BalanceClients.Tests.History;

namespace BalanceClients.Tests.Cli;

/// <summary><c>balances history</c> as a real process (and, in CI, as the Native AOT binary): SQLite, the CSV and the errors.</summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class HistoryProcessTests : IDisposable
{
    private static readonly CliProcessOptions AsAnyUser = new(AsAnyUser: true);
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ImportThenExport_AsAProcess_GivesTheSameCsvBack()
    {
        var csv = (await HistoryCli.RunAsync(await HistoryCli.CreateSampleStoreAsync(_folder.File("sample.db")), "--format", "csv")).Out;
        var file = _folder.File("backup.csv");
        await File.WriteAllTextAsync(file, csv);
        var store = Path.Combine(_folder.Path, "state", "balances", "balances.db");
        var environment = new Dictionary<string, string?> { ["XDG_STATE_HOME"] = _folder.Path + "/state" };

        var imported = await CliRun.ProcessAsync(environment, "history", "--import", file);
        var exported = await CliRun.ProcessAsync(environment, "history", "--format", "csv");
        var table = await CliRun.ProcessAsync(environment, "history", "--format", "table", "--provider", "telnyx");

        Assert.True(imported.ExitCode == 0, imported.Error);
        // The sample's dates are fixed: on a clock months later, the import says that old readings are thinned.
        Assert.StartsWith($"imported 35 of 35 readings from {file} into {store}", imported.Out, StringComparison.Ordinal);
        Assert.Equal((0, csv, string.Empty), (exported.ExitCode, exported.Out, exported.Error));
        Assert.Equal(0, table.ExitCode);
        Assert.StartsWith("ACCOUNT         KIND", table.Out, StringComparison.Ordinal);
        Assert.Contains("\ntelnyx/default  available_credit     445 USD     375      470  ", table.Out, StringComparison.Ordinal);
        Assert.Contains("\n24 readings; each trend runs from 2026-11-20 16:00 to ", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_StandardInputAsAProcess_IsImported()
    {
        var file = _folder.File("backup.csv");
        await File.WriteAllTextAsync(file, "time,provider,account,kind,currency,amount\n2026-11-20T12:00:00Z,telnyx,eu,balance,USD,1.50\n");
        var store = _folder.File();

        var redirected = new CliProcessOptions(ShellSuffix: $"< '{file}'");
        var run = await CliRun.ProcessAsync(redirected, new Dictionary<string, string?>(), "history", "--store", store, "--import", "-");
        var exported = await CliRun.ProcessAsync(new Dictionary<string, string?>(), "history", "--store", store, "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"imported 1 of 1 reading from standard input into {store}", run.Out, StringComparison.Ordinal);
        Assert.Equal(
            "time,provider,account,kind,currency,amount\n2026-11-20T12:00:00.000Z,telnyx,eu,balance,USD,1.50\n", exported.Out);
    }

    [Fact]
    public async Task Import_MalformedRowAsAProcess_ExitsSixtyFourWithOneLineAndCreatesNoStore()
    {
        var file = _folder.File("bad.csv");
        await File.WriteAllTextAsync(file, "time,provider,account,kind,currency,amount\n2026-11-20T12:00:00Z,telnyx,eu,balance,USD,1,5\n");
        var store = _folder.File();

        var run = await CliRun.ProcessAsync(new Dictionary<string, string?> { ["BALANCES_STORE"] = store }, "history", "--import", file);

        Assert.Equal(64, run.ExitCode);
        Assert.Equal(
            $"balances: --import '{file}': line 2: 7 fields where 6 are needed (time,provider,account,kind,currency,amount); "
            + "nothing was imported.\n",
            run.Error);
        Assert.False(File.Exists(store));
    }

    // As a process that permission bits stop (when the tests run as root, too): SQLite could not create its write-ahead log or the
    // log's index in the folder, and the file is read alone.
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task History_ReadOnlyStoreOfAnotherUserAsAProcess_IsPrintedWritingNothing()
    {
        using var writable = new StoreFolder();
        var csv = (await HistoryCli.RunAsync(await HistoryCli.CreateSampleStoreAsync(writable.File()), "--format", "csv")).Out;
        var store = await HistoryCli.CreateSampleStoreAsync(_folder.File());
        _folder.MakeReadOnly();
        var before = _folder.Hashes();

        var run = await CliRun.ProcessAsync(AsAnyUser, new Dictionary<string, string?>(), "history", "--store", store, "--format", "csv");

        Assert.Equal((0, csv, string.Empty), (run.ExitCode, run.Out, run.Error));
        Assert.Equal(["balances.db"], before.Select(f => f.Name));
        Assert.Equal(before, _folder.Hashes());
    }

    // Permission bits that let others read but not the file's owner, whom the process is (root without its power over them, too):
    // SQLite cannot open it, and the message says why it may be.
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task History_StoreThisUserMayNotReadAsAProcess_ExitsSixtyFourSayingSo()
    {
        var store = await HistoryCli.CreateSampleStoreAsync(_folder.File());
        File.SetUnixFileMode(store, UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var run = await CliRun.ProcessAsync(AsAnyUser, new Dictionary<string, string?>(), "history", "--store", store);

        Assert.Equal((64, string.Empty), (run.ExitCode, run.Out));
        Assert.Equal(
            $"balances: {store} cannot be read: SQLite cannot open it (this user may not read it, or its folder).\n", run.Error);
    }

    // A backup of a store that a writer had open, in a folder and files the process may not write: SQLite reads the log through its
    // index, read-only, and changes none of the three files.
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task History_CopyOfALiveStoreOfAnotherUserAsAProcess_ReadsItsLogWritingNothing()
    {
        var store = await _folder.CopyOfALiveStoreAsync(withIndex: true);
        _folder.MakeReadOnly();
        var before = _folder.Hashes();

        var run = await CliRun.ProcessAsync(AsAnyUser, new Dictionary<string, string?>(), "history", "--store", store, "--format", "csv");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        Assert.Equal(
            "time,provider,account,kind,currency,amount\n"
            + "2026-11-22T12:00:00.000Z,telnyx,eu,available_credit,USD,100\n2026-11-22T12:00:00.000Z,telnyx,eu,balance,USD,90\n"
            + "2026-11-22T12:05:00.000Z,telnyx,eu,available_credit,USD,99\n2026-11-22T12:05:00.000Z,telnyx,eu,balance,USD,89\n",
            run.Out);
        Assert.Equal(before, _folder.Hashes());
    }

    [Fact]
    public async Task History_StoreThatIsNotADatabaseAsAProcess_ExitsSixtyFourWithOneLine()
    {
        var store = _folder.File();
        await File.WriteAllTextAsync(store, "time,provider\n");

        var run = await CliRun.ProcessAsync(new Dictionary<string, string?>(), "history", "--store", store, "--format", "json");

        Assert.Equal((64, string.Empty), (run.ExitCode, run.Out));
        Assert.Equal($"balances: {store} is not a SQLite database; it was left as it is.\n", run.Error);
    }
}
