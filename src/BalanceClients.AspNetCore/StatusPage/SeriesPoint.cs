namespace BalanceClients.AspNetCore.StatusPage;

/// <summary>One point of a chart: a recorded primary amount.</summary>
/// <param name="Time">When it was read.</param>
/// <param name="Amount">The amount.</param>
internal readonly record struct SeriesPoint(DateTimeOffset Time, decimal Amount);
