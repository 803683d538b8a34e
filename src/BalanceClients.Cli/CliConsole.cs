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
            isTerminal || OperatingSystem.IsWindows() ? Console.Out : RedirectedOutput(),
            Console.Error,
            System.Environment.GetEnvironmentVariables()
                .Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal),
            isTerminal);
    }

    // Console.Out ignores a broken pipe (EPIPE): `balances check | head -1` would go on checking every account. A stream of the tool's
    // own on descriptor 1 reports it, as it does a closed descriptor or a full disk. Unbuffered: the writer buffers, and is flushed
    // before exit by BalancesCommand, so nothing is left for the runtime to flush at exit. UTF-8, as JSON and Prometheus want.
    private static StreamWriter RedirectedOutput() =>
        new(new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0), new UTF8Encoding(false));
}
