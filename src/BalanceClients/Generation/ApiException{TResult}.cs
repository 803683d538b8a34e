namespace BalanceClients.Generation;

/// <summary>A documented error answer of a provider's API, with its body read into the spec's type.</summary>
/// <typeparam name="TResult">The error body's type.</typeparam>
public class ApiException<TResult> : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The spec's description of the answer.</param>
    /// <param name="statusCode">The answer's HTTP status.</param>
    /// <param name="response">The answer's body, when it was read as text.</param>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="result">The error body.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ApiException(
        string message,
        int statusCode,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        TResult result,
        Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    /// <summary>The error body.</summary>
    public TResult Result { get; }

    /// <inheritdoc />
    internal override object? ErrorBody => Result;
}
