using System.Text;

namespace BalanceClients.Cli;

/// <summary>
/// One of the process's standard streams, whose write failures (a closed descriptor, a full disk, a broken pipe) are told apart
/// from every other I/O error: standard output's become <see cref="OutputFailedException"/>; standard error's are ignored,
/// since there is nowhere left to say anything and the exit status still tells.
/// </summary>
internal sealed class StandardStreamWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly bool _isOutput;

    private StandardStreamWriter(TextWriter inner, bool isOutput)
        : base(inner.FormatProvider)
    {
        _inner = inner;
        _isOutput = isOutput;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    /// <inheritdoc />
    public override Encoding Encoding => _inner.Encoding;

    /// <summary>Standard output: a failure throws <see cref="OutputFailedException"/>.</summary>
    /// <param name="inner">The writer of standard output.</param>
    /// <returns>The writer.</returns>
    public static StandardStreamWriter ForOutput(TextWriter inner) => new(inner, isOutput: true);

    /// <summary>Standard error: a failure is ignored.</summary>
    /// <param name="inner">The writer of standard error.</param>
    /// <returns>The writer.</returns>
    public static StandardStreamWriter ForError(TextWriter inner) => new(inner, isOutput: false);

    /// <inheritdoc />
    public override void Write(char value) => Guard(() => _inner.Write(value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Guard(() => _inner.Write(buffer, index, count));

    /// <inheritdoc />
    public override void Write(string? value) => Guard(() => _inner.Write(value));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer)
    {
        // A span cannot be captured by Guard's lambda.
        try
        {
            _inner.Write(buffer);
        }
        catch (Exception exception) when (IsStreamFailure(exception))
        {
            Fail(exception);
        }
    }

    /// <inheritdoc />
    public override void Flush() => Guard(_inner.Flush);

    /// <inheritdoc />
    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        GuardAsync(() => _inner.WriteAsync(buffer, cancellationToken));

    /// <inheritdoc />
    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        GuardAsync(() => _inner.WriteLineAsync(buffer, cancellationToken));

    /// <inheritdoc />
    public override Task WriteAsync(string? value) => GuardAsync(() => _inner.WriteAsync(value));

    /// <inheritdoc />
    public override Task WriteLineAsync(string? value) => GuardAsync(() => _inner.WriteLineAsync(value));

    /// <inheritdoc />
    public override Task WriteLineAsync() => GuardAsync(_inner.WriteLineAsync);

    /// <inheritdoc />
    public override Task FlushAsync() => GuardAsync(_inner.FlushAsync);

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => GuardAsync(() => _inner.FlushAsync(cancellationToken));

    // .NET reports a closed descriptor (EBADF) as UnauthorizedAccessException, the others (EPIPE, ENOSPC, EIO) as IOException.
    private static bool IsStreamFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception exception) when (IsStreamFailure(exception))
        {
            Fail(exception);
        }
    }

    // Some writers (Console.Out among them) throw before they return a task: the write starts inside the try.
    private async Task GuardAsync(Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStreamFailure(exception))
        {
            Fail(exception);
        }
    }

    private void Fail(Exception exception)
    {
        if (_isOutput)
        {
            throw new OutputFailedException($"cannot write to standard output: {CliText.Reason(exception)}", exception);
        }
    }
}
