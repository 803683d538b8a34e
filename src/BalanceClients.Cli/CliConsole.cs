using System.Text;
using Microsoft.Win32.SafeHandles;

namespace BalanceClients.Cli;

/// <summary>What the tool reads from and writes to: its streams, its environment and whether it talks to a terminal.</summary>
internal sealed class CliConsole
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates the console.</summary>
    /// <param name="output">
    /// Standard output: the report, nothing else. Its write failures become <see cref="OutputFailedException"/>.
    /// </param>
    /// <param name="error">Standard error: diagnostics. Its write failures are ignored: there is nowhere left to say anything.</param>
    /// <param name="environment">The environment variables.</param>
    /// <param name="isTerminal">Whether standard output is a terminal (not redirected).</param>
    public CliConsole(Stream output, TextWriter error, IReadOnlyDictionary<string, string?> environment, bool isTerminal)
    {
        Output = new StandardOutputStream(output);
        Out = new StreamWriter(Output, Utf8, bufferSize: 4096, leaveOpen: true) { AutoFlush = isTerminal };
        Error = new StandardErrorWriter(error);
        Environment = environment;
        IsTerminal = isTerminal;
    }

    /// <summary>
    /// Standard output as bytes, for reports that write UTF-8 themselves (JSON). Flush <see cref="Out"/> before using it.
    /// </summary>
    public Stream Output { get; }

    /// <summary>Standard output as text (UTF-8), buffered unless it is a terminal.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>The environment variables.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>Whether standard output is a terminal.</summary>
    public bool IsTerminal { get; }

    /// <summary>Standard input: what <c>history --import -</c> reads.</summary>
    /// <value>The default value is an empty stream; the process's console gives its standard input.</value>
    public Stream Input { get; init; } = Stream.Null;

    /// <summary>The clock of checks, deadlines and schedules.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>; tests give a clock they move.</value>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Called with <c>serve</c>'s services once it serves: tests reach its monitor and its address through it.</summary>
    public Action<IServiceProvider>? Serving { get; init; }

    /// <summary>Whether colour is wanted: on a terminal, unless <c>NO_COLOR</c> is set.</summary>
    public bool UseColor => IsTerminal && string.IsNullOrEmpty(Environment.GetValueOrDefault("NO_COLOR"));

    /// <summary>The process's own console.</summary>
    /// <returns>The console.</returns>
    public static CliConsole FromProcess() => new(
        StandardDescriptors.IsInherited(1) ? StandardOutput() : new ClosedStream(),
        StandardDescriptors.IsInherited(2) ? Console.Error : TextWriter.Null,
        System.Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal),
        !Console.IsOutputRedirected)
    {
        Input = Console.OpenStandardInput(),
    };

    // The console's own stream ignores a broken pipe (EPIPE): `balances check | head -1` would go on checking every account.
    // Into a pipe (or a socket, or a closed descriptor), the tool writes through a stream of its own on descriptor 1, which
    // reports it. Not into a file or a device: a FileStream writes those at its own offset (pwrite), over what standard error
    // writes to the same file (`> log 2>&1`), and the console's stream already reports their failures (a full disk, /dev/full).
    private static Stream StandardOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.OpenStandardOutput();
        }

        var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        if (stream.CanSeek)
        {
            stream.Dispose();
            return Console.OpenStandardOutput();
        }

        return stream;
    }
}
