namespace BalanceClients.History;

/// <summary>One reading of a series, as the runway reads it.</summary>
/// <param name="Time">Milliseconds since 1970-01-01 UTC.</param>
/// <param name="Amount">The amount.</param>
internal readonly record struct RunwayPoint(long Time, decimal Amount);
