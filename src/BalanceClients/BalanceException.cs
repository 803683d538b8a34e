namespace BalanceClients;

/// <summary>Thrown when an account's balance cannot be read; <see cref="Error"/> says why.</summary>
public sealed class BalanceException : Exception
{
    /// <summary>Creates the exception for an error.</summary>
    /// <param name="error">Why the balance could not be read.</param>
    /// <param name="innerException">The exception that caused it, if any.</param>
    public BalanceException(BalanceError error, Exception? innerException = null)
        : base(error?.ToString(), innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Why the balance could not be read.</summary>
    public BalanceError Error { get; }

    /// <inheritdoc />
    // The inner exception stays reachable through InnerException but is not printed: its text may quote a provider's body.
    public override string ToString() => $"{GetType().FullName}: {Message}";
}
