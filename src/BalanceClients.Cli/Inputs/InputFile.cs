using System.Security;
using BalanceClients.Configuration;

namespace BalanceClients.Cli.Inputs;

/// <summary>
/// A file named on the command line (<c>--accounts</c>, <c>--config</c>): whatever stops it being read becomes one line
/// naming the flag and the file, and exit 64.
/// </summary>
/// <param name="Flag">The flag that named it.</param>
/// <param name="Path">The path as the user gave it.</param>
internal sealed record InputFile(string Flag, string Path)
{
    /// <summary>The file's name, as messages about its lines show it.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Opens the file for reading, unbuffered: callers read in chunks of their own.</summary>
    /// <returns>The stream.</returns>
    /// <exception cref="BalanceConfigurationException">It cannot be opened.</exception>
    public FileStream Open()
    {
        try
        {
            return new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (IsFailure(exception))
        {
            throw Error(exception);
        }
    }

    /// <summary>Reads the whole file, refusing more than a limit (a character device, a FIFO or a huge file ends there).</summary>
    /// <param name="maxBytes">The most it may hold.</param>
    /// <param name="limitName">The limit for messages (<c>1 MiB, the most a configuration file may hold</c>).</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The content, as a read-only stream.</returns>
    /// <exception cref="BalanceConfigurationException">It cannot be read or holds more than <paramref name="maxBytes"/>.</exception>
    public async Task<MemoryStream> ReadAllAsync(int maxBytes, string limitName, CancellationToken cancellationToken)
    {
        using var stream = Open();
        var content = new byte[maxBytes + 1];
        var length = 0;
        try
        {
            int read;
            while (length < content.Length && (read = await stream.ReadAsync(content.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
        catch (Exception exception) when (IsFailure(exception))
        {
            throw Error(exception);
        }

        return length > maxBytes ? throw Error($"larger than {limitName}.") : new MemoryStream(content, 0, length, writable: false);
    }

    /// <summary>Whether an exception says the file could not be opened or read (and not that something else failed).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether it is one of the file's failures.</returns>
    public static bool IsFailure(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or SecurityException;

    /// <summary>The configuration error for an exception of opening or reading the file.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The error, naming the flag, the file and the reason.</returns>
    public BalanceConfigurationException Error(Exception exception) => Error(Reason(exception), exception);

    /// <summary>The configuration error for something wrong in the file.</summary>
    /// <param name="reason">What is wrong, without any of the file's content.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <returns>The error, naming the flag and the file.</returns>
    public BalanceConfigurationException Error(string reason, Exception? innerException = null) =>
        innerException is null ? new($"{Flag} {CliText.Quote(Path)}: {reason}") : new($"{Flag} {CliText.Quote(Path)}: {reason}", innerException);

    private string Reason(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file.",
        UnauthorizedAccessException when Directory.Exists(Path) => "is a directory.",
        UnauthorizedAccessException => "permission denied.",
        ArgumentException or NotSupportedException => "not a valid path.",
        _ => $"cannot be read: {CliText.Reason(exception)}.",
    };
}
