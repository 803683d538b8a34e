using BalanceClients.Tests.Cli;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Deploy;

/// <summary>
/// The Native AOT executable copied alone into an empty folder runs every command, the store included: SQLite is inside it. What
/// it takes from the system is glibc, and OpenSSL for HTTPS (docs/cli.md and docs/deploy.md list them). Runs in the second pass
/// of .ci/run, against the published executable and against the native tool package's.
/// </summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class StandaloneExecutableTests : IDisposable
{
    private ExecutableAlone? _copy;

    private ExecutableAlone Balances => _copy ??= ExecutableAlone.Copy();

    public void Dispose() => _copy?.Dispose();

    [FactWhenNativeExecutable]
    public async Task Executable_AloneInItsFolder_IsLinkedAgainstGlibcAlone()
    {
        Assert.Equal(["balances"], Balances.Files);

        var elf = await ToolRun.RunAsync("readelf", Balances.WritableFolder, "--dynamic", Balances.Executable);

        Assert.True(elf.ExitCode == 0, elf.ToString());
        var needed = elf.Out.Split('\n').Where(line => line.Contains("(NEEDED)", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf('[', StringComparison.Ordinal) + 1)..line.IndexOf(']', StringComparison.Ordinal)]);
        Assert.Equal(["ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6"], needed.Order(StringComparer.Ordinal));
    }

    [FactWhenNativeExecutable]
    public Task CheckDemo_ExecutableAlone_ChecksEveryProvider() => InstalledScenarios.CheckDemoAsync(Balances);

    [FactWhenNativeExecutable]
    public Task RecordHistoryImport_ExecutableAlone_KeepTheStoreInSqliteInside() =>
        InstalledScenarios.RecordHistoryAndImportAsync(Balances);

    [FactWhenNativeExecutable]
    public Task Serve_ExecutableAlone_AnswersMetricsAndRecords() => InstalledScenarios.ServeAsync(Balances);

    [FactWhenNativeExecutable]
    public Task Check_OverHttpsExecutableAlone_LoadsOpenSslAndTrustsSslCertFile() => InstalledScenarios.HttpsCheckAsync(Balances);
}
