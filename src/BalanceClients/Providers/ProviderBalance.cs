namespace BalanceClients.Providers;

/// <summary>What a provider adapter reads from a successful answer.</summary>
/// <param name="Amounts">The amounts, in the contract's order of kinds.</param>
/// <param name="BillingType">The billing type, where the provider has one.</param>
internal sealed record ProviderBalance(IReadOnlyList<BalanceAmount> Amounts, string? BillingType = null);
