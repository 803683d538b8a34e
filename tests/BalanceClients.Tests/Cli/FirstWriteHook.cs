namespace BalanceClients.Tests.Cli;

/// <summary>Standard output for an in-process run that does something once, when the tool first writes to it.</summary>
internal sealed class FirstWriteHook(Action onFirstWrite) : StringWriter
{
    private int _written;

    public override void Write(char value)
    {
        Once();
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Once();
        base.Write(buffer, index, count);
    }

    public override void Write(string? value)
    {
        Once();
        base.Write(value);
    }

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Once();
        return base.WriteLineAsync(buffer, cancellationToken);
    }

    private void Once()
    {
        if (Interlocked.Exchange(ref _written, 1) == 0)
        {
            onFirstWrite();
        }
    }
}
