namespace BalanceClients.Cli;

/// <summary>
/// The report cannot be written: standard output is closed, full or a pipe whose reader has gone, or the temporary files a report
/// keeps cannot be written. The run stops, with exit 1. A type of its own, so that it is never taken for the
/// <see cref="IOException"/> of an input file.
/// </summary>
public sealed class OutputFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutputFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, in one line.</param>
    public OutputFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, in one line.</param>
    /// <param name="innerException">The write's own exception.</param>
    public OutputFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
