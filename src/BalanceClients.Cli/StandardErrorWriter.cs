using System.Text;

namespace BalanceClients.Cli;

/// <summary>
/// Standard error, whose write failures are ignored: there is nowhere left to say anything, and the exit status still tells.
/// </summary>
/// <param name="inner">The process's standard error.</param>
internal sealed class StandardErrorWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value) => Try(() => inner.Write(value));

    /// <inheritdoc />
    public override void Write(string? value) => Try(() => inner.Write(value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Try(() => inner.Write(buffer, index, count));

    /// <inheritdoc />
    public override Task WriteAsync(string? value) => TryAsync(() => inner.WriteAsync(value));

    /// <inheritdoc />
    public override Task WriteLineAsync(string? value) => TryAsync(() => inner.WriteLineAsync(value));

    /// <inheritdoc />
    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        TryAsync(() => inner.WriteAsync(buffer, cancellationToken));

    /// <inheritdoc />
    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        TryAsync(() => inner.WriteLineAsync(buffer, cancellationToken));

    /// <inheritdoc />
    public override void Flush() => Try(inner.Flush);

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => TryAsync(() => inner.FlushAsync(cancellationToken));

    private static void Try(Action write)
    {
        try
        {
            write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    // Some writers (Console.Error among them) throw before they return a task: the write starts inside the try.
    private static async Task TryAsync(Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }
}
