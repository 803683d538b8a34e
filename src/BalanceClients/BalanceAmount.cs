namespace BalanceClients;

/// <summary>One amount of an account's balance.</summary>
/// <param name="Kind">What the amount is (<see cref="AmountKinds"/>).</param>
/// <param name="Amount">
/// The amount exactly as the provider stated it, or <see langword="null"/> where it gives none (a postpaid Lumenfall account).
/// </param>
/// <param name="Currency">The upper-case ISO 4217 currency code.</param>
/// <param name="IsPrimary">Whether this is the provider's primary amount, the one a plain threshold applies to.</param>
public sealed record BalanceAmount(string Kind, decimal? Amount, string Currency, bool IsPrimary);
