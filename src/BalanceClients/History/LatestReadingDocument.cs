using System.Text.Json.Serialization;

namespace BalanceClients.History;

/// <summary>The JSON document of one reading in the <c>latest</c> table.</summary>
/// <param name="Latest">The latest check's result.</param>
/// <param name="LastGood">The last balance read.</param>
/// <param name="CheckedAt">When the latest check ended.</param>
/// <param name="CheckCounts">The checks of the account by outcome, since the leader that made it started.</param>
/// <param name="Runway">The account's runway as the leader estimated it then; <see langword="null"/> for none.</param>
/// <param name="HasRunway">Whether the document carries the leader's runway (those written before it was carried do not).</param>
internal sealed record LatestReadingDocument(
    BalanceCheckResult? Latest,
    AccountBalance? LastGood,
    DateTimeOffset CheckedAt,
    Dictionary<string, long>? CheckCounts,
    BalanceRunway? Runway = null,
    bool HasRunway = false);
