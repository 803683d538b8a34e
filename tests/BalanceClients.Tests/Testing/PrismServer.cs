using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// <c>prism mock {spec}</c> on 127.0.0.1, from the pinned npm package. Prism binds port 0 itself and says which port it got, so no
/// port is picked and released first (a race with every other process under load). Its node process ends with this test process,
/// however that ends (see <c>exit-with-parent.cjs</c>), and is killed with its children on dispose or when the start fails.
/// </summary>
internal sealed partial class PrismServer : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly string ExitWithParent = Path.Combine(AppContext.BaseDirectory, "Testing", "exit-with-parent.cjs");
    private readonly Process _process;

    private PrismServer(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The node process's id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts Prism on a spec and waits until it listens, for a minute at most.</summary>
    /// <exception cref="InvalidOperationException">Prism exited or did not listen in time; the message has its output.</exception>
    public static async Task<PrismServer> StartAsync(string spec)
    {
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = StartInfo(spec) };
        process.OutputDataReceived += (_, line) => Read(line.Data, output, listening);
        process.ErrorDataReceived += (_, line) => Read(line.Data, output, listening);
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartLimit));
            if (first == exited)
            {
                throw new InvalidOperationException(
                    $"prism exited with {process.ExitCode} before listening, for {spec}:\n{Text(output)}");
            }

            if (first != listening.Task)
            {
                throw new InvalidOperationException(
                    $"prism did not listen within {StartLimit.TotalSeconds:F0} s, for {spec}:\n{Text(output)}");
            }

            return new PrismServer(process, await listening.Task);
        }
        catch
        {
            await process.KillTreeAsync("prism");
            process.Dispose();
            throw;
        }
    }

    /// <summary>Closes Prism's stdin, as the end of this test process does, however it ends; completes when Prism has exited.</summary>
    public Task EndTestProcessAsync()
    {
        _process.StandardInput.Close();
        return _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _process.KillTreeAsync("prism");
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string spec)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        var prism = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "prism");
        foreach (var argument in new[] { "--require", ExitWithParent, prism, "mock", spec, "-h", "127.0.0.1", "-p", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static void Read(string? line, StringBuilder output, TaskCompletionSource<Uri> listening)
    {
        lock (output)
        {
            output.AppendLine(line);
        }

        if (line is not null && Listening().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups["url"].Value + "/"));
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    [GeneratedRegex(@"Prism is listening on (?<url>http://\S+)")]
    private static partial Regex Listening();
}
