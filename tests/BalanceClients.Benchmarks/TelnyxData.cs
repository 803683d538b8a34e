using System.Text.Json.Serialization;

namespace BalanceClients.Benchmarks;

/// <summary>The baseline's hand-written type for Telnyx's balance.</summary>
internal sealed record TelnyxData(
    [property: JsonPropertyName("balance")] string? Balance,
    [property: JsonPropertyName("pending")] string? Pending,
    [property: JsonPropertyName("credit_limit")] string? CreditLimit,
    [property: JsonPropertyName("available_credit")] string? AvailableCredit,
    [property: JsonPropertyName("currency")] string? Currency);
