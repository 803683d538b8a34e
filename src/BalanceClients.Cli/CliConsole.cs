using System.Text;
using Microsoft.Win32.SafeHandles;

namespace BalanceClients.Cli;

/// <summary>What the tool reads from and writes to: its streams, its environment and whether it talks to a terminal.</summary>
/// <param name="Out">Standard output: the report, nothing else.</param>
/// <param name="Error">Standard error: diagnostics.</param>
/// <param name="Environment">The environment variables.</param>
/// <param name="IsTerminal">Whether standard output is a terminal (not redirected).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string?> Environment, bool IsTerminal)
{
    /// <summary>Whether colour is wanted: on a terminal, unless <c>NO_COLOR</c> is set.</summary>
    public bool UseColor => IsTerminal && string.IsNullOrEmpty(Environment.GetValueOrDefault("NO_COLOR"));

    /// <summary>The process's own console.</summary>
    /// <returns>The console.</returns>
    public static CliConsole FromProcess()
    {
        var isTerminal = !Console.IsOutputRedirected;
        return new(
            isTerminal ? Console.Out : RedirectedOutput(),
            Console.Error,
            System.Environment.GetEnvironmentVariables()
                .Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal),
            isTerminal);
    }

    // Console.Out ignores a broken pipe (EPIPE): `balances check | head -1` would go on checking every account. Into a pipe (or a
    // socket, or a closed descriptor), the tool writes through a stream of its own on descriptor 1, which reports it. Not into a
    // file or a device: a FileStream writes those at its own offset (pwrite), over what standard error writes to the same file
    // (`> log 2>&1`), and Console.Out already reports their failures (a full disk, /dev/full). Unbuffered: the writer buffers,
    // and BalancesCommand flushes it before exit, so nothing is left for the runtime to flush at exit. UTF-8, as JSON wants.
    private static TextWriter RedirectedOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.Out;
        }

        var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        if (stream.CanSeek)
        {
            stream.Dispose();
            return Console.Out;
        }

        return new StreamWriter(stream, new UTF8Encoding(false));
    }
}
