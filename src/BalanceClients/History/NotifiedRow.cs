namespace BalanceClients.History;

/// <summary>One row of the store's <c>notified</c> table: what a receiver was last told of an account.</summary>
/// <param name="Receiver">The receiver.</param>
/// <param name="Provider">The provider id.</param>
/// <param name="Account">The account's name.</param>
/// <param name="Level">The level told, by its contract name.</param>
/// <param name="RunwayLevel">The runway level told, by its contract name.</param>
/// <param name="Time">When, in Unix milliseconds.</param>
internal sealed record NotifiedRow(string Receiver, string Provider, string Account, string Level, string RunwayLevel, long Time);
