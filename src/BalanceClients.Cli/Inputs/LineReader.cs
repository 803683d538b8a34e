namespace BalanceClients.Cli.Inputs;

/// <summary>
/// Reads lines of bytes with a bound on their length: memory stays at one buffer of the longest line allowed, however long
/// a line in the file is (<see cref="StreamReader.ReadLineAsync()"/> would hold all of it).
/// </summary>
/// <param name="stream">The stream, read from where it is.</param>
/// <param name="maxLineBytes">The longest line allowed, line ending excluded.</param>
internal sealed class LineReader(Stream stream, int maxLineBytes)
{
    // Room for the longest line and its "\r\n".
    private readonly byte[] _buffer = new byte[maxLineBytes + 2];
    private int _start;
    private int _scanned;
    private int _end;
    private bool _ended;

    /// <summary>The number of the line last read (1 for the first).</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line, without its <c>\n</c> or <c>\r\n</c>.</summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The line, valid until the next call; <see langword="null"/> at the end of the stream.</returns>
    /// <exception cref="InvalidDataException">The line is longer than allowed; <see cref="LineNumber"/> is its number.</exception>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _scanned += newline + 1;
                return TakeLine(_scanned - 1, _scanned);
            }

            _scanned = _end;
            if (_ended && _start == _end)
            {
                return null;
            }

            if (_ended)
            {
                return TakeLine(_end, _end);
            }

            if (_end - _start == _buffer.Length)
            {
                LineNumber++;
                throw TooLong();
            }

            if (_start == _end)
            {
                (_start, _scanned, _end) = (0, 0, 0);
            }
            else if (_end == _buffer.Length)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                (_end, _scanned, _start) = (_end - _start, _scanned - _start, 0);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _end += read;
            _ended = read == 0;
        }
    }

    private ReadOnlyMemory<byte> TakeLine(int lineEnd, int next)
    {
        LineNumber++;
        var line = _buffer.AsMemory(_start, lineEnd - _start);
        _start = next;
        if (line.Span.EndsWith((byte)'\r'))
        {
            line = line[..^1];
        }

        return line.Length > maxLineBytes ? throw TooLong() : line;
    }

    private InvalidDataException TooLong() => new($"Line {LineNumber} is longer than {maxLineBytes} bytes.");
}
