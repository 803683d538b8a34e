using System.Runtime.CompilerServices;
using System.Text;
using BalanceClients.Cli.Inputs;
using BalanceClients.Configuration;
using BalanceClients.History;

namespace BalanceClients.Cli.History;

/// <summary>
/// <c>--import FILE</c>: the CSV of readings, read twice, one line at a time (never whole in memory): once to check every row
/// before the store is touched, once to import. Standard input (<c>-</c>), a pipe or a device is copied to a temporary file as it is
/// checked, and imported from the copy, so that the store's write lock is never held while the input trickles in, and an input
/// that is not a CSV of readings (<c>/dev/zero</c>) stops at its first bad line.
/// </summary>
internal sealed class ImportFile : IAsyncDisposable
{
    /// <summary>The longest line allowed: far more than any row takes.</summary>
    public const int MaxLineBytes = 16 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly InputFile _file;
    private readonly Stream _stream;
    private readonly Stream? _owned;
    private Stream? _unread;

    // stream: what is read (the file, or the copy); unread: the input not read yet, if any; owned: a stream to close besides.
    private ImportFile(InputFile file, Stream stream, Stream? unread = null, Stream? owned = null)
    {
        _file = file;
        _stream = stream;
        _unread = unread;
        _owned = owned;
    }

    /// <summary>Where the readings come from, as messages name it.</summary>
    public string Name => _file.Path == "-" ? "standard input" : _file.Path;

    /// <summary>
    /// Opens the file; standard input, a pipe or a device gets an empty temporary file, deleted on dispose, for its copy.
    /// </summary>
    /// <param name="path">The path as the user gave it; <c>-</c> for standard input.</param>
    /// <param name="input">Standard input.</param>
    /// <returns>The file, ready to be read.</returns>
    /// <exception cref="BalanceConfigurationException">It cannot be opened, or the temporary file cannot be made.</exception>
    public static ImportFile Open(string path, Stream input)
    {
        var file = new InputFile("--import", path);
        var source = path == "-" ? input : file.Open();
        if (source != input && source.CanSeek)
        {
            return new ImportFile(file, source);
        }

        try
        {
            var copy = new FileStream(
                Path.Combine(Path.GetTempPath(), $"balances-import-{Guid.NewGuid():N}.csv"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 81920, FileOptions.DeleteOnClose);
            return new ImportFile(file, copy, source, source == input ? null : source);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (source != input)
            {
                source.Dispose();
            }

            throw file.Error($"cannot be copied to a temporary file before the import: {CliText.Reason(exception)}", exception);
        }
    }

    /// <summary>The latest time a reading may have: a later one is a mistake (a mistyped year would stay the latest for good).</summary>
    /// <value>The default value is <see cref="DateTimeOffset.MaxValue"/>: any time.</value>
    public DateTimeOffset LatestTime { get; set; } = DateTimeOffset.MaxValue;

    /// <summary>Reads every row from the start of the file.</summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The readings, in file order.</returns>
    /// <exception cref="BalanceConfigurationException">The header is missing or wrong, or a line is malformed or cannot be read; the
    /// message names the line.</exception>
    public async IAsyncEnumerable<StoredReading> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The first reading of an input that can be read only once keeps a copy, which every later reading reads.
        Stream stream = _unread is null ? _stream : new CopyingStream(_unread, _stream);
        _unread = null;
        _stream.Position = 0;
        var reader = new LineReader(stream, MaxLineBytes);
        var header = await NextLineAsync(reader, cancellationToken).ConfigureAwait(false);
        if (header?.TrimStart('\uFEFF') != ReadingsCsv.Header)
        {
            throw Error(1, header is null ? $"the file is empty: its first line must be the header {ReadingsCsv.Header}"
                : $"the first line must be the header {ReadingsCsv.Header}");
        }

        while (await NextLineAsync(reader, cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (!ReadingsCsvRow.TryParse(line, out var reading, out var error))
            {
                throw Error(reader.LineNumber, error);
            }

            yield return reading.Time <= LatestTime ? reading : throw Error(
                reader.LineNumber,
                $"the time {ReadingsCsv.Time(reading.Time)} is in the future (the latest accepted is {ReadingsCsv.Time(LatestTime)})");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        if (_owned is not null)
        {
            await _owned.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<string?> NextLineAsync(LineReader reader, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte>? line;
        try
        {
            line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            throw Error(reader.LineNumber, $"longer than {MaxLineBytes / 1024} KiB", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw _file.Error(_file.Reason(exception), exception);
        }

        try
        {
            return line is { } bytes ? StrictUtf8.GetString(bytes.Span) : null;
        }
        catch (DecoderFallbackException exception)
        {
            throw Error(reader.LineNumber, "not UTF-8 text", exception);
        }
    }

    private BalanceConfigurationException Error(int line, string what, Exception? innerException = null) =>
        _file.Error($"line {line}: {what}; nothing was imported", innerException);
}
