using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// A server the tests run as a process of their own (<c>balances serve</c>, Prometheus), on a port it binds itself and names in its
/// output, so that no port is picked and released first. It runs under <c>exit-with-parent.sh</c>, so it ends with this test
/// process however that ends, and it is killed with its children on dispose or when it does not start. Its output is kept for
/// the messages of failing tests.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly string ExitWithParent = Path.Combine(AppContext.BaseDirectory, "Testing", "exit-with-parent.sh");
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _what;

    private ServerProcess(Process process, StringBuilder output, string what)
    {
        _process = process;
        _output = output;
        _what = what;
    }

    /// <summary>Where the server listens, from its own output: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The id of the process that runs the server (the watchdog script's).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything the server wrote so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the server <paramref name="program"/> describes (its program, arguments, environment and folder), and waits, at most
    /// <see cref="Bounded.Limit"/>, for a line of its output that <paramref name="listening"/> matches: its group <c>address</c> is
    /// the <c>HOST:PORT</c> it serves over HTTP, or the <c>SCHEME://HOST:PORT</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">It exited or did not listen in time; the message has its output.</exception>
    public static async Task<ServerProcess> StartAsync(string what, ProcessStartInfo program, Regex listening)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = program.WorkingDirectory,
        };
        foreach (var argument in program.ArgumentList.Prepend(program.FileName).Prepend(ExitWithParent))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var (name, value) in program.Environment)
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, line) => Read(line.Data, output, listening, address);
        process.ErrorDataReceived += (_, line) => Read(line.Data, output, listening, address);
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        var server = new ServerProcess(process, output, what);
        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(address.Task, exited, Task.Delay(Bounded.Limit));
            if (first != address.Task)
            {
                var why = first == exited ? $"exited with {process.ExitCode}" : $"did not listen within {Bounded.Limit.TotalSeconds:F0} s";
                throw new InvalidOperationException($"{what} {why}:\n{server.Output}");
            }

            // A server that serves no HTTP (PostgreSQL on its socket) says only that it is ready: an empty address.
            if (await address.Task is { Length: > 0 } served)
            {
                server.BaseUrl = new Uri(served.Contains("://", StringComparison.Ordinal) ? $"{served}/" : $"http://{served}/");
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the server's stdin, as the end of this test process does, however it ends; completes when it has exited.</summary>
    public Task EndTestProcessAsync()
    {
        _process.StandardInput.Close();
        return _process.WaitForExitAsync();
    }

    /// <summary>Sends the server a signal (through the watchdog script, which passes it on), as <c>kill -s NAME</c> does.</summary>
    /// <param name="name">The signal: TERM or INT.</param>
    public async Task SignalAsync(string name)
    {
        var pid = _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", name, pid]))!;
        await kill.WaitForExitAsync().WithinLimit($"kill -s {name}");
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the server to exit within <paramref name="limit"/>, killing it if it does not; returns its exit status.</summary>
    /// <exception cref="TimeoutException">It did not exit in time.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        await _process.WaitForExitOrKillAsync(limit, _what);
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.KillTreeAsync(_what);
        }

        _process.Dispose();
    }

    private static void Read(string? line, StringBuilder output, Regex listening, TaskCompletionSource<string> address)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (listening.Match(line) is { Success: true } match)
        {
            address.TrySetResult(match.Groups["address"].Value);
        }
    }
}
