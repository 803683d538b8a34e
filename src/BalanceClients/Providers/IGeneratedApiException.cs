namespace BalanceClients.Providers;

/// <summary>
/// What every generated client's exception has in common (each generated client has its own exception class;
/// a partial class beside each adds this interface), so that failures are classified in one place.
/// </summary>
internal interface IGeneratedApiException
{
    /// <summary>The HTTP status of the answer.</summary>
    int StatusCode { get; }

    /// <summary>The typed error body, for a documented error response that could be read; otherwise <see langword="null"/>.</summary>
    object? ErrorBody { get; }

    /// <summary>The answer's headers.</summary>
    IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}
