namespace BalanceClients;

/// <summary>Why a balance could not be read: the error kinds of the contract.</summary>
public enum BalanceErrorKind
{
    /// <summary>The provider rejected the credentials (<c>unauthorized</c>).</summary>
    Unauthorized,

    /// <summary>HTTP 403 or the provider's equivalent (<c>forbidden</c>).</summary>
    Forbidden,

    /// <summary>HTTP 404 or the provider's equivalent (<c>not_found</c>).</summary>
    NotFound,

    /// <summary>HTTP 400/422 or the provider's equivalent (<c>bad_request</c>).</summary>
    BadRequest,

    /// <summary>HTTP 429 after retries, or the provider's equivalent (<c>rate_limited</c>).</summary>
    RateLimited,

    /// <summary>HTTP 5xx after retries (<c>unavailable</c>).</summary>
    Unavailable,

    /// <summary>No answer within the deadline (<c>timeout</c>).</summary>
    Timeout,

    /// <summary>Connection refused, reset, DNS or TLS failure after retries (<c>network</c>).</summary>
    Network,

    /// <summary>An answer that does not fit the provider's spec (<c>invalid_response</c>).</summary>
    InvalidResponse,

    /// <summary>Any other failure the provider reports in its body (<c>provider_error</c>).</summary>
    ProviderError,
}
