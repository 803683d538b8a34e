using System.Runtime.Versioning;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Cli;

/// <summary>
/// The tool on a PostgreSQL store, as a process (and so, in CI, as the Native AOT executable): the password is taken from the URI,
/// <c>PGPASSWORD</c> or a password file, and shown nowhere: not on <c>serve</c>'s start line, its systemd status, its verbose log,
/// nor in any error.
/// </summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
[UnsupportedOSPlatform("windows")]
public sealed class PostgreSqlStoreProcessTests
{
    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task Serve_PasswordInTheUri_RecordsAndNeverShowsIt()
    {
        var server = await PostgreSqlServer.GetAsync();
        var database = await server.CreateDatabaseAsync();
        using var systemd = SystemdNotifySocket.Bind();
        Dictionary<string, string?> environment = new() { ["NOTIFY_SOCKET"] = systemd.Path, ["BALANCES_STORE"] = server.Uri(database) };
        await using var serve = await WatchedServe.StartAsync(environment, "--demo", "--listen", "127.0.0.1:0", "--verbose");

        Assert.Equal("READY=1", await systemd.ReceiveAsync());
        var status = await systemd.ReceiveAsync();
        await Bounded.UntilAsync(
            async _ => await server.ScalarAsync(database, "SELECT count(*) FROM balances_readings") is > 0L, "a reading in PostgreSQL");
        await serve.SignalAsync("TERM");
        Assert.Equal(0, await serve.WaitForExitAsync(TimeSpan.FromSeconds(5)));

        Assert.StartsWith(
            $"STATUS=monitoring 5 account(s), recording in '{server.Uri(database, withPassword: false)}'; serving ",
            status,
            StringComparison.Ordinal);
        Assert.Contains($"recording in '{server.Uri(database, withPassword: false)}'", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgreSqlServer.Password, serve.Output, StringComparison.Ordinal);
    }

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task CheckRecordThenHistory_PasswordFromPgpasswordThenAPasswordFile_WorkWithoutShowingIt()
    {
        var server = await PostgreSqlServer.GetAsync();
        var database = await server.CreateDatabaseAsync();
        var uri = server.Uri(database, withPassword: false);
        using var folder = new StoreFolder();
        var passfile = folder.File("pgpass");
        await File.WriteAllTextAsync(passfile, $"*:*:*:{PostgreSqlServer.User}:{PostgreSqlServer.Password}\n");
        File.SetUnixFileMode(passfile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var check = await CliRun.ProcessAsync(
            new Dictionary<string, string?> { ["PGPASSWORD"] = PostgreSqlServer.Password }, "check", "--demo", "--record", "--store", uri);
        var history = await CliRun.ProcessAsync(
            new Dictionary<string, string?> { ["PGPASSFILE"] = passfile }, "history", "--store", uri, "--format", "csv");

        Assert.True(check.ExitCode is 0 or 2, check.ToString());
        Assert.Equal(0, history.ExitCode);
        Assert.StartsWith("time,provider,account,kind,currency,amount\n", history.Out, StringComparison.Ordinal);
        Assert.Contains(",telnyx,default,available_credit,USD,", history.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgreSqlServer.Password, check.ToString() + history, StringComparison.Ordinal);
    }

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task CheckRecordAndHistory_WrongPasswordInTheUri_FailInOneLineWithoutIt()
    {
        var server = await PostgreSqlServer.GetAsync();
        var database = await server.CreateDatabaseAsync();
        var uri = server.Uri(database, withPassword: false).Replace("balances@", "balances:N0tTheS3cret@", StringComparison.Ordinal);

        var check = await CliRun.ProcessAsync(
            new Dictionary<string, string?>(), "check", "--demo", "--record", "--verbose", "--store", uri);
        var history = await CliRun.ProcessAsync(new Dictionary<string, string?>(), "history", "--store", uri);

        foreach (var run in new[] { check, history })
        {
            Assert.NotEqual(0, run.ExitCode);
            var refused = $"{server.Uri(database, withPassword: false)} cannot be read: the server refused";
            Assert.Contains(refused, run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("N0tTheS3cret", run.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Check_MalformedUri_IsAConfigurationErrorThatDoesNotQuoteIt()
    {
        var run = await CliRun.ProcessAsync(
            new Dictionary<string, string?> { ["BALANCES_STORE"] = "postgresql://u:S3cretPart@db:notaport/x" },
            "check",
            "--demo",
            "--record");

        Assert.Equal(64, run.ExitCode);
        Assert.Equal(
            "balances: BALANCES_STORE: The PostgreSQL URI is malformed: the port 'notaport' is not a whole number from 1 to 65535.\n",
            run.Error);
        Assert.DoesNotContain("S3cretPart", run.ToString(), StringComparison.Ordinal);
    }
}
