namespace BalanceClients.History;

/// <summary>One series (one amount of one account) and its readings with an amount in a window, oldest first.</summary>
/// <param name="Provider">The provider id, as recorded.</param>
/// <param name="Account">The account's name, as recorded.</param>
/// <param name="Kind">The kind of amount.</param>
/// <param name="Currency">The currency code.</param>
/// <param name="Points">The readings.</param>
internal sealed record SeriesWindow(string Provider, string Account, string Kind, string Currency, IReadOnlyList<RunwayPoint> Points);
