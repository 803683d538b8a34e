using BalanceClients.Monitoring;

namespace BalanceClients.History;

/// <summary>An account's latest reading as the store's <c>latest</c> table keeps it, with the runway the leader estimated then.</summary>
/// <param name="Reading">The reading, whole.</param>
/// <param name="Runway">The account's runway as the leader estimated it after recording the reading; <see langword="null"/> for none.
/// </param>
/// <param name="HasRunway">Whether the row carries the leader's runway: one written by an older version does not, and a follower
/// estimates it from the store.</param>
internal sealed record LatestReading(BalanceReading Reading, BalanceRunway? Runway, bool HasRunway);
