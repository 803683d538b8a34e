using System.Text.Json;

namespace BalanceClients.Generation;

/// <summary>A JSON amount has more digits than a <see cref="decimal"/> holds, or is beyond its range: refused, never rounded.</summary>
internal sealed class InexactAmountException : JsonException
{
    /// <summary>Creates the exception.</summary>
    public InexactAmountException()
        : base("An amount has more digits than a decimal holds exactly.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public InexactAmountException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for the amount at a path.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="path">The amount's path in the body (<c>$.result.smsBalance</c>).</param>
    public InexactAmountException(string message, string path)
        : base(message, path, null, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InexactAmountException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
