namespace BalanceClients.Cli;

/// <summary>
/// Standard output, whose write failures (a closed descriptor, a full disk, a broken pipe) become
/// <see cref="OutputFailedException"/>, told apart from every other I/O error such as an unreadable input file.
/// </summary>
/// <param name="inner">The process's standard output.</param>
internal sealed class StandardOutputStream(Stream inner) : WriteOnlyStream
{
    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception exception) when (IsStreamFailure(exception))
        {
            throw Failed(exception);
        }
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStreamFailure(exception))
        {
            throw Failed(exception);
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (Exception exception) when (IsStreamFailure(exception))
        {
            throw Failed(exception);
        }
    }

    /// <inheritdoc />
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStreamFailure(exception))
        {
            throw Failed(exception);
        }
    }

    // .NET reports a closed descriptor (EBADF) as UnauthorizedAccessException, the others (EPIPE, ENOSPC, EIO) as IOException.
    private static bool IsStreamFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;

    private static OutputFailedException Failed(Exception exception) =>
        new($"cannot write to standard output: {CliText.Reason(exception)}", exception);
}
