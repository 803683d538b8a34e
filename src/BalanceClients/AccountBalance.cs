namespace BalanceClients;

/// <summary>The balance of one provider account.</summary>
/// <param name="Provider">The provider id (<see cref="ProviderIds"/>).</param>
/// <param name="Account">The account's configured name.</param>
/// <param name="Amounts">The amounts, in the provider's order of kinds.</param>
/// <param name="BillingType">The billing type where the provider has one (Lumenfall: <c>prepaid</c> or <c>postpaid</c>).</param>
/// <param name="RetrievedAt">When the answer arrived, from the configured <see cref="TimeProvider"/>.</param>
public sealed record AccountBalance(
    string Provider,
    string Account,
    IReadOnlyList<BalanceAmount> Amounts,
    string? BillingType,
    DateTimeOffset RetrievedAt)
{
    /// <summary>The provider's primary amount, if it reported one.</summary>
    public BalanceAmount? Primary => Amounts.FirstOrDefault(amount => amount.IsPrimary);
}
