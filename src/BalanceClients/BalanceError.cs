namespace BalanceClients;

/// <summary>Why one account's balance could not be read. Never holds a secret.</summary>
/// <param name="Kind">The contract's error kind.</param>
/// <param name="HttpStatus">The last HTTP status seen, or <see langword="null"/> if none arrived.</param>
/// <param name="ProviderCode">The provider's own error code, or <see langword="null"/>.</param>
/// <param name="Message">The provider's message or a plain description.</param>
public sealed record BalanceError(BalanceErrorKind Kind, int? HttpStatus, string? ProviderCode, string Message)
{
    /// <summary>How long the provider asked callers to wait before the next request (its <c>Retry-After</c>), if it said.</summary>
    /// <value>The default value is <see langword="null"/>. A monitor waits at least this long before checking the account again.</value>
    public TimeSpan? RetryAfter { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var status = Diagnostics.Log.Status(HttpStatus);
        var providerCode = ProviderCode is null ? string.Empty : $", provider code {ProviderCode}";
        return $"{Kind.ToContractName()} (HTTP {status}{providerCode}): {Message}";
    }
}
