namespace BalanceClients.Http;

/// <summary>An answer's body is larger than the provider's <c>MaxResponseBytes</c>; it is not read further.</summary>
internal sealed class ResponseTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The answer's HTTP status.</param>
    /// <param name="limit">The limit, in bytes.</param>
    public ResponseTooLargeException(int statusCode, long limit)
        : base($"The answer's body is larger than {limit} bytes.")
    {
        StatusCode = statusCode;
    }

    /// <summary>The answer's HTTP status.</summary>
    public int StatusCode { get; }
}
