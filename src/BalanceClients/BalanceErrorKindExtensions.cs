namespace BalanceClients;

/// <summary>The contract's names of <see cref="BalanceErrorKind"/> values.</summary>
public static class BalanceErrorKindExtensions
{
    /// <summary>The kind's name in the contract and the CLI's output (<c>invalid_response</c>, say).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The snake-case name.</returns>
    public static string ToContractName(this BalanceErrorKind kind) => kind switch
    {
        BalanceErrorKind.Unauthorized => "unauthorized",
        BalanceErrorKind.Forbidden => "forbidden",
        BalanceErrorKind.NotFound => "not_found",
        BalanceErrorKind.BadRequest => "bad_request",
        BalanceErrorKind.RateLimited => "rate_limited",
        BalanceErrorKind.Unavailable => "unavailable",
        BalanceErrorKind.Timeout => "timeout",
        BalanceErrorKind.Network => "network",
        BalanceErrorKind.InvalidResponse => "invalid_response",
        BalanceErrorKind.ProviderError => "provider_error",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown error kind."),
    };
}
