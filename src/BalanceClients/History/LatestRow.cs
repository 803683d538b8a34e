namespace BalanceClients.History;

/// <summary>One row of the store's <c>latest</c> table: an account's latest reading, whole, as the leader of replicas saw it.</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="Account">The account's name.</param>
/// <param name="Time">When the reading's check ended, in Unix milliseconds.</param>
/// <param name="Reading">The reading, as <see cref="LatestReadingJson"/> writes it.</param>
internal sealed record LatestRow(string Provider, string Account, long Time, string Reading);
