namespace BalanceClients.Generation;

/// <summary>
/// What every generated client throws for an answer that is not a success, or that could not be read
/// (NSwag's <c>exceptionClass</c>, shared by all the clients). Its message never quotes the answer's body.
/// </summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="statusCode">The answer's HTTP status.</param>
    /// <param name="response">The answer's body, when it was read as text.</param>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="innerException">The cause, such as a <see cref="System.Text.Json.JsonException"/>.</param>
    public ApiException(
        string message,
        int statusCode,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        Exception? innerException)
        : base($"{message} (HTTP {statusCode})", innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers;
    }

    /// <summary>The answer's HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The answer's body, when the client read it as text; otherwise <see langword="null"/> or empty.</summary>
    public string? Response { get; }

    /// <summary>The answer's headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The typed body of a documented error answer, or <see langword="null"/>.</summary>
    internal virtual object? ErrorBody => null;
}
