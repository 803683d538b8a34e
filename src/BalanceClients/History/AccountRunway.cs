namespace BalanceClients.History;

/// <summary>The runway of one account's primary amount, as the store's history gives it.</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="Account">The account's name.</param>
/// <param name="Runway">The runway; <see langword="null"/> when there is too little recent history, no spending, or the amount is
/// already at or below its target.</param>
public sealed record AccountRunway(string Provider, string Account, BalanceRunway? Runway);
