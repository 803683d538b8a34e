namespace BalanceClients.Configuration;

/// <summary>The configuration is incomplete or wrong; the message names the setting in one line, never its secret value.</summary>
public sealed class BalanceConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the variable or configuration key.</param>
    public BalanceConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BalanceConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BalanceConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
