using System.Diagnostics.CodeAnalysis;
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
    public FileStream Open() => TryOpen(out var stream, out var reason) ? stream : throw Error(reason);

    /// <summary>Opens the file for reading, unbuffered, or says why it cannot.</summary>
    /// <param name="stream">The stream, when opened.</param>
    /// <param name="reason">Why it cannot be opened (<c>no such file</c>), otherwise.</param>
    /// <returns>Whether it was opened.</returns>
    public bool TryOpen([NotNullWhen(true)] out FileStream? stream, [NotNullWhen(false)] out string? reason)
    {
        try
        {
            stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
            reason = null;
            return true;
        }
        catch (Exception exception)
            when (exception is IOException or UnauthorizedAccessException or ArgumentException
                or NotSupportedException or SecurityException)
        {
            stream = null;
            reason = Reason(exception);
            return false;
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
            do
            {
                read = await stream.ReadAsync(content.AsMemory(length), cancellationToken).ConfigureAwait(false);
                length += read;
            }
            while (read > 0 && length < content.Length);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Error(Reason(exception), exception);
        }

        return length > maxBytes ? throw Error($"larger than {limitName}") : new MemoryStream(content, 0, length, writable: false);
    }

    /// <summary>The configuration error for something wrong with the file.</summary>
    /// <param name="reason">What is wrong, without any of the file's content and without a final full stop.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <returns>The error, naming the flag and the file.</returns>
    public BalanceConfigurationException Error(string reason, Exception? innerException = null)
    {
        var message = $"{Flag} {CliText.Quote(Path)}: {reason}.";
        return innerException is null ? new(message) : new(message, innerException);
    }

    /// <summary>Why the file could not be opened or read, in a few words.</summary>
    /// <param name="exception">What opening or reading it threw.</param>
    /// <returns>The reason, without a final full stop.</returns>
    public string Reason(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException when Directory.Exists(Path) => "is a directory",
        UnauthorizedAccessException => "permission denied",
        ArgumentException or NotSupportedException => "not a valid path",
        _ => $"cannot be read: {CliText.Reason(exception)}",
    };
}
