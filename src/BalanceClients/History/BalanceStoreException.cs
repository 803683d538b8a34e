namespace BalanceClients.History;

/// <summary>
/// Thrown when a store of readings cannot be opened or written. The message is one line that names the file; the store's
/// file is never changed by a refusal to open it.
/// </summary>
public sealed class BalanceStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The store's file.</param>
    /// <param name="kind">Why.</param>
    /// <param name="message">One line that names the file.</param>
    /// <param name="innerException">The exception that caused it, if any.</param>
    public BalanceStoreException(string path, BalanceStoreErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        Kind = kind;
    }

    /// <summary>The store's file.</summary>
    public string Path { get; }

    /// <summary>Why the store could not be opened or written.</summary>
    public BalanceStoreErrorKind Kind { get; }

    /// <inheritdoc />
    // One line, as the message: the inner exception (SQLite's own text) stays reachable through InnerException.
    public override string ToString() => $"{GetType().FullName}: {Message}";
}
