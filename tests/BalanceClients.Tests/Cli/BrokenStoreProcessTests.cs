using System.Runtime.Versioning;
using BalanceClients.History;
using BalanceClients.Tests.History;

namespace BalanceClients.Tests.Cli;

/// <summary>Stores that cannot be used, as a real process meets them: exit 64 and one line naming the file, no stack trace.</summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
[UnsupportedOSPlatform("windows")]
public sealed class BrokenStoreProcessTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoVariables = [];
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("check", "--demo", "--record")]
    [InlineData("check", "--demo")]
    [InlineData("history")]
    [InlineData("serve", "--demo", "--listen", "127.0.0.1:0")]
    public async Task Command_StoreIsASymbolicLinkToNothing_ExitsSixtyFourWithOneLine(params string[] args)
    {
        var store = _folder.File();
        var target = _folder.File("gone.db");
        File.CreateSymbolicLink(store, target);

        var run = await CliRun.ProcessAsync(NoVariables, [.. args, "--store", store]);

        Assert.Equal(
            (64, $"balances: {store} is a symbolic link to {target}, which does not exist; it was left as it is.\n"),
            (run.ExitCode, run.Error));
        Assert.Equal([(Path.GetFileName(store), "-> " + target)], _folder.Hashes());
    }

    // The series table's row renumbered under its index, as a flipped byte would: recording Telnyx's amounts breaks a foreign key.
    [Fact]
    public async Task CheckRecord_StoreWhoseIndexPointsAtAMissingRow_ExitsSixtyFourSayingItIsDamaged()
    {
        await using (var writer = await BalanceStore.OpenAsync(_folder.File()))
        {
            await writer.RecordAsync(Readings.Telnyx("default", Readings.Start, 400m));
        }

        var store = _folder.File();
        StoreFolder.WriteByte(store, StoreFolder.LastSeriesRow(store) + 1, 100);

        var run = await CliRun.ProcessAsync(NoVariables, "check", "--demo", "--record", "--store", store, "--format", "json");

        Assert.Equal(
            (64, $"balances: {store} is damaged: its tables and their indexes disagree (SQLite reports a broken constraint).\n"),
            (run.ExitCode, run.Error));
    }
}
