namespace BalanceClients.Tests.Cli;

/// <summary>Standard output for an in-process run that does something once, when the tool first writes to it.</summary>
internal sealed class FirstWriteHook(Action onFirstWrite) : MemoryStream
{
    private int _written;

    public override void Write(byte[] buffer, int offset, int count)
    {
        Once();
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Once();
        base.Write(buffer);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Once();
        return base.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Once();
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    private void Once()
    {
        if (Interlocked.Exchange(ref _written, 1) == 0)
        {
            onFirstWrite();
        }
    }
}
