using System.Net;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Deploy;

/// <summary>The systemd unit of <c>deploy/systemd</c> and its credentials drop-in: valid, hardened, running what the tool takes.</summary>
public sealed class SystemdUnitTests
{
    private const string SystemdAnalyze = "/usr/bin/systemd-analyze";
    private const string Installed = "/usr/local/bin/balances";
    private static readonly string Unit = Path.Combine(DeployFiles.Systemd, "balances.service");
    private static readonly string DropIn = Path.Combine(DeployFiles.Systemd, "load-credential.conf");

    [Theory]
    [InlineData("balances.service")]
    [InlineData("load-credential.conf")]
    public void ExecStart_Command_IsServeOnLoopbackAsTheToolTakesIt(string file)
    {
        var command = Settings(Path.Combine(DeployFiles.Systemd, file))
            .Where(setting => setting.Key == "ExecStart" && setting.Value.Length > 0)
            .Select(setting => setting.Value.Replace("%d", "/run/credentials/balances.service", StringComparison.Ordinal).Split(' '));

        var args = Assert.Single(command);
        Assert.Equal(Installed, args[0]);
        var listen = ServeCommandLine.Listen(args[1..]);
        Assert.Equal(IPAddress.Loopback, listen.Host);
        Assert.Equal(9477, listen.Port);
    }

    [Fact]
    public void Unit_Settings_RunANotifyingHardenedDynamicUserWithTheStoreInItsStateDirectory()
    {
        var settings = Settings(Unit).ToLookup(setting => setting.Key, setting => setting.Value, StringComparer.Ordinal);

        foreach (var (key, value) in new[]
        {
            ("Type", "notify"), ("DynamicUser", "yes"), ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("ProtectHome", "yes"),
            ("PrivateTmp", "yes"), ("CapabilityBoundingSet", string.Empty),
            ("StateDirectory", "balances"), ("Environment", "BALANCES_STORE=%S/balances/balances.db"),
        })
        {
            Assert.Contains(value, settings[key]);
        }

        Assert.Single(settings["EnvironmentFile"]);
        Assert.Contains("LoadCredential", Settings(DropIn).Select(setting => setting.Key));
    }

    [FactWhenInstalled(SystemdAnalyze, "systemd")]
    public async Task Verify_UnitWithItsDropIn_FindsNoMistake()
    {
        var folder = await InstalledCopyAsync();
        try
        {
            var run = await ToolRun.RunAsync(
                SystemdAnalyze, folder.FullName, "verify", "--man=no", "./balances.service");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.DoesNotContain(folder.FullName, run.Out + run.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [FactWhenInstalled(SystemdAnalyze, "systemd")]
    public async Task Security_Unit_ExposureIsAtMostTwoOutOfTen()
    {
        var folder = await InstalledCopyAsync();
        try
        {
            // --threshold counts in tenths of the 0-10 exposure level it prints: 20 is 2.0, within systemd's "OK".
            string[] args = ["security", "--offline=yes", "--threshold=20", "./balances.service"];
            var run = await ToolRun.RunAsync(SystemdAnalyze, folder.FullName, args);

            Assert.True(run.ExitCode == 0, run.ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // The unit and its drop-in in a folder of their own, running an executable that exists here (verify checks that it does).
    private static async Task<DirectoryInfo> InstalledCopyAsync()
    {
        var folder = Directory.CreateTempSubdirectory("balances-systemd-test-");
        const string executable = "/usr/bin/true";
        var dropIns = folder.CreateSubdirectory("balances.service.d");
        foreach (var (from, to) in new[] { (Unit, folder.FullName), (DropIn, dropIns.FullName) })
        {
            var text = (await File.ReadAllTextAsync(from)).Replace(Installed, executable, StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(to, Path.GetFileName(from)), text);
        }

        return folder;
    }

    private static IEnumerable<(string Key, string Value)> Settings(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0 && line[0] is not ('#' or ';' or '['))
            .Select(line => line.Split('=', 2))
            .Select(pair => (pair[0].Trim(), pair[1].Trim()));
}
