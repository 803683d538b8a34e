using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// A private PostgreSQL server (Debian's <c>postgresql</c> package) for the tests: a cluster made by <c>initdb</c> in a temporary
/// folder, listening only on a Unix socket in that folder (no TCP port at all, so none is raced for), with password authentication
/// (<c>scram-sha-256</c>) for its one user. As root, <c>initdb</c> and <c>postgres</c>, which refuse root, run as the
/// <c>postgres</c> user. One server serves the whole test run (each test makes a database of its own: <see cref="CreateDatabaseAsync"/>);
/// it runs under <c>exit-with-parent.sh</c>, so it ends with the test process however that ends, and is stopped (fast shutdown) and
/// its folder removed when the test process exits.
/// </summary>
internal sealed partial class PostgreSqlServer : IAsyncDisposable
{
    /// <summary>Debian's PostgreSQL 15 binaries.</summary>
    public const string Binaries = "/usr/lib/postgresql/15/bin";

    /// <summary>The server's executable, as Debian's <c>postgresql-15</c> installs it.</summary>
    public const string Executable = Binaries + "/postgres";

    /// <summary>The user the tests connect as.</summary>
    public const string User = "balances";

    /// <summary>That user's password: a secret that no output may show.</summary>
    public const string Password = "pg-Secret-7f3a9c";

    private static readonly Lazy<Task<PostgreSqlServer>> Shared = new(StartSharedAsync);
    private readonly DirectoryInfo _folder;
    private ServerProcess _server;

    private PostgreSqlServer(DirectoryInfo folder, ServerProcess server)
    {
        _folder = folder;
        _server = server;
    }

    /// <summary>The folder of the server's Unix socket.</summary>
    public string SocketFolder => Path.Combine(_folder.FullName, "socket");

    /// <summary>The server's log so far.</summary>
    public string Output => _server.Output;

    /// <summary>Why the tests that need the server skip here, or <see langword="null"/> where they run.</summary>
    public static string? Missing =>
        !File.Exists(Executable) ? $"{Executable} is not installed (Debian's postgresql package brings it; .ci/run installs it)"
        : Environment.UserName == "root" && !HasPostgresUser() ? "running as root, but there is no postgres user to run PostgreSQL as"
        : null;

    /// <summary>The server of this test run, started on first use.</summary>
    public static Task<PostgreSqlServer> GetAsync() => Shared.Value;

    /// <summary>
    /// A server of one test's own, which it may restart without disturbing the others; the test disposes it (and it ends with the
    /// test process however that ends).
    /// </summary>
    public static Task<PostgreSqlServer> StartOwnAsync() => StartNewAsync(shared: false);

    /// <summary>A URI of the database with the password in it, as a user may give it to <c>--store</c>.</summary>
    public string Uri(string database, bool withPassword = true) =>
        $"postgresql://{User}{(withPassword ? ":" + Password : string.Empty)}@/{database}?host={System.Uri.EscapeDataString(SocketFolder)}";

    /// <summary>Makes an empty database of its own for one test.</summary>
    /// <returns>Its name.</returns>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        await using var connection = await ConnectAsync("postgres");
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync().WithinLimit("CREATE DATABASE");
        return name;
    }

    /// <summary>An open connection to a database of the server, as its user.</summary>
    public async Task<NpgsqlConnection> ConnectAsync(string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = SocketFolder, Database = database, Username = User, Password = Password, Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync().WithinLimit($"a connection to the test database {database}");
        return connection;
    }

    /// <summary>One value a query of a database gives.</summary>
    public async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = await ConnectAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync().WithinLimit(sql);
    }

    /// <summary>Stops the server (fast shutdown: clients are disconnected) and starts it again on the same folder.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        _server = await StartServerAsync(_folder);
    }

    /// <summary>Stops the server, runs <paramref name="meanwhile"/> after <paramref name="down"/>, then starts it again.</summary>
    public async Task StopForAWhileAsync(TimeSpan down, Func<Task> meanwhile)
    {
        await StopAsync();
        try
        {
            await Task.Delay(down);
            await meanwhile();
        }
        finally
        {
            _server = await StartServerAsync(_folder);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _folder.Delete(recursive: true);
        }
    }

    private static Task<PostgreSqlServer> StartSharedAsync() => StartNewAsync(shared: true);

    private static async Task<PostgreSqlServer> StartNewAsync(bool shared)
    {
        if (Missing is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        var folder = Directory.CreateTempSubdirectory("balances-postgresql-test-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "socket"));
            var passwordFile = Path.Combine(folder.FullName, "password");
            await File.WriteAllTextAsync(passwordFile, Password);
            await RunAsync("chown", "-R", "postgres:postgres", folder.FullName);
            await RunAsPostgresAsync(
                Path.Combine(Binaries, "initdb"), "-D", Path.Combine(folder.FullName, "data"), "-U", User, "--pwfile", passwordFile,
                "--auth", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8", "--no-sync");
            var server = new PostgreSqlServer(folder, await StartServerAsync(folder));
            if (shared)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            RemoveAfterThisProcess(folder);
            return server;
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
    }

    private static Task<ServerProcess> StartServerAsync(DirectoryInfo folder)
    {
        var start = AsPostgres(
            Executable,
            "-D", Path.Combine(folder.FullName, "data"),
            "-k", Path.Combine(folder.FullName, "socket"),
            "-c", "listen_addresses=",
            // The server's own durability is PostgreSQL's, not under test: a writer killed after a commit is (the commit is the
            // server's as soon as it answers), and fsync only matters when the machine itself fails.
            "-c", "fsync=off",
            "-c", "max_connections=200");
        return ServerProcess.StartAsync("postgresql", start, Ready());
    }

    // A fast shutdown; a server already gone (its watchdog ended it with the test process) is only disposed.
    private async Task StopAsync()
    {
        try
        {
            if (ChildProcesses.IsRunning(_server.ProcessId))
            {
                await _server.SignalAsync("INT");
                await _server.WaitForExitAsync(Bounded.Limit);
            }
        }
        finally
        {
            await _server.DisposeAsync();
        }
    }

    private static ProcessStartInfo AsPostgres(string program, params string[] arguments)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? "setpriv" : program) { UseShellExecute = false };
        if (root)
        {
            // setpriv runs the program in its own process (runuser would fork and stay its parent), so that killing it kills PostgreSQL.
            foreach (var argument in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("PGPASSWORD");
        return start;
    }

    private static Task RunAsPostgresAsync(string program, params string[] arguments)
    {
        var start = AsPostgres(program, arguments);
        return RunAsync(start.FileName, [.. start.ArgumentList]);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/",
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitOrKillAsync(Bounded.Limit, program);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}{await errors}");
        }
    }

    // The test runner may end this process before its exit handlers finish (the server then ends with it, under its watchdog): a
    // process of its own session, outside this process's tree, waits for this process to end and removes the folder.
    private static void RemoveAfterThisProcess(DirectoryInfo folder)
    {
        const string Script = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; sleep 2; rm -rf -- \"$2\"";
        var processId = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var cleaner = Process.Start(
            new ProcessStartInfo("setsid", ["-f", "sh", "-c", Script, "sh", processId, folder.FullName]) { UseShellExecute = false })!;
        cleaner.WaitForExit();
    }

    private static bool HasPostgresUser() =>
        File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal));

    [GeneratedRegex("database system is ready to accept connections(?<address>)")]
    private static partial Regex Ready();
}
