using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// <c>balances serve</c> as a real process (the Native AOT executable in CI's second pass) on a loopback port the system picks;
/// killed, with everything it started, if a test leaves it running.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource<Uri> _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _output;

    private ServeProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, line) => OnErrorLine(line.Data);
        _process.BeginErrorReadLine();
        _output = _process.StandardOutput.ReadToEndAsync();
        _process.StandardInput.Close();
    }

    /// <summary>The address it serves, once it says so.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>What it wrote to standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>balances serve --listen 127.0.0.1:0</c> with <paramref name="args"/> and waits until it serves.</summary>
    public static async Task<ServeProcess> StartAsync(params string[] args)
    {
        string[] command = ["serve", "--listen", "127.0.0.1:0", .. args];
        var start = CliRun.StartInfo(CliProcessOptions.Default, new Dictionary<string, string?>(), command);
        var serve = new ServeProcess(Process.Start(start)!);
        var exited = serve._process.WaitForExitAsync();
        if (await Task.WhenAny(serve._serving.Task, exited).WithinLimit("balances serve to say where it serves") == exited)
        {
            await serve._output;
            throw new InvalidOperationException($"balances serve exited {serve.ExitCode} before serving: {serve.Error}");
        }

        return serve;
    }

    /// <summary>Sends the process a signal, as <c>kill -s NAME</c> does.</summary>
    /// <param name="name">The signal: TERM or INT.</param>
    public async Task SignalAsync(string name)
    {
        var pid = _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", name, pid]))!;
        await kill.WaitForExitAsync().WithinLimit($"kill -s {name}");
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the process to exit within <paramref name="limit"/>, killing it if it does not.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        await _process.WaitForExitOrKillAsync(limit, "balances serve");
        await _output;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.KillTreeAsync("balances serve");
        }

        _process.Dispose();
    }

    private void OnErrorLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_error)
        {
            _error.AppendLine(line);
        }

        if (ServingLine().Match(line) is { Success: true } serving)
        {
            Address = new Uri(serving.Groups["address"].Value);
            _serving.TrySetResult(Address);
        }
    }

    [GeneratedRegex(@"serving (?<address>http://\S+) ")]
    private static partial Regex ServingLine();
}
