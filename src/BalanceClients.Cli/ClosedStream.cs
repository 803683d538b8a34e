namespace BalanceClients.Cli;

/// <summary>Standard output that the parent closed: every write fails as writing to a closed descriptor does.</summary>
internal sealed class ClosedStream : WriteOnlyStream
{
    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw Closed();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    // EBADF, as the operating system reports a write to a closed descriptor.
    private static IOException Closed() => new("Bad file descriptor", 9);
}
