using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Deploy;

/// <summary>
/// The image's entry point, run in the image's root file system as a container runtime runs it (user 65532, the image's
/// environment, a PID namespace, /proc and the usual devices; see <see cref="ImageRootfs"/>): every command, the store in its
/// volume, HTTPS with the image's own OpenSSL and CA certificates.
/// </summary>
public sealed class ContainerImageRunTests : IAsyncLifetime
{
    private ImageRootfs? _rootfs;

    private ImageRootfs Rootfs => _rootfs ?? throw new InvalidOperationException("not unpacked");

    public async Task InitializeAsync()
    {
        if (File.Exists(OciImageArchive.PathOfBuilt) && Environment.UserName == "root")
        {
            _rootfs = await OciImageArchive.Read().UnpackAsync();
        }
    }

    public Task DisposeAsync()
    {
        _rootfs?.Dispose();
        return Task.CompletedTask;
    }

    [FactWhenImage(runs: true)]
    public Task CheckDemo_InTheImage_ChecksEveryProvider() => InstalledScenarios.CheckDemoAsync(Rootfs);

    [FactWhenImage(runs: true)]
    public Task RecordHistoryImport_InTheImage_KeepTheStoreInItsVolume() => InstalledScenarios.RecordHistoryAndImportAsync(Rootfs);

    [FactWhenImage(runs: true)]
    public Task ServeDemo_InTheImage_AnswersMetricsAndRecords() => InstalledScenarios.ServeAsync(Rootfs);

    [FactWhenImage(runs: true)]
    public Task Check_OverHttpsInTheImage_UsesItsOpenSslAndTrustsSslCertFile() => InstalledScenarios.HttpsCheckAsync(Rootfs);

    [FactWhenImage(runs: true)]
    public async Task CheckRecord_DefaultStoreInTheImage_IsWrittenByUser65532()
    {
        var check = await Rootfs.RunAsync(new Dictionary<string, string?>(), "check", "--demo", "--record");
        Assert.True(check.ExitCode == 0, check.ToString());

        var owner = await ToolRun.RunAsync("stat", Rootfs.Root, "--format=%u:%g", Rootfs.OnThisMachine("/var/lib/balances/balances.db"));
        Assert.Equal("65532:65532", owner.Out.Trim());
    }

    [FactWhenImage(runs: true)]
    public async Task Check_OverHttpsWithoutSslCertFile_TrustsTheImagesOwnBundle()
    {
        using var authority = TestCertificateAuthority.Create();
        await using var telnyx = await HttpsTelnyx.StartAsync(authority);
        using var rootfs = await Rootfs.CopyAsync();
        await File.AppendAllTextAsync(rootfs.OnThisMachine("/etc/ssl/certs/ca-certificates.crt"), authority.AuthorityPem);

        await InstalledScenarios.HttpsCheckPassesAsync(rootfs, telnyx.Environment);
    }
}
