using BalanceClients.History;
using BalanceClients.Monitoring;

namespace BalanceClients.AspNetCore.StatusPage;

/// <summary>One account as the status page shows it: its latest reading, primary amount, runway, thresholds and history.</summary>
/// <param name="Reading">The monitor's latest reading.</param>
/// <param name="Primary">The primary amount of the last good reading, if any.</param>
/// <param name="Runway">The runway, where one is known.</param>
/// <param name="Warning">The warning threshold of the primary amount (the highest, where several apply).</param>
/// <param name="Critical">The critical threshold of the primary amount (the highest, where several apply).</param>
/// <param name="Series">The primary amount over the charted days, oldest first (empty without a store).</param>
internal sealed record StatusPageAccount(
    BalanceReading Reading,
    BalanceAmount? Primary,
    BalanceRunway? Runway,
    decimal? Warning,
    decimal? Critical,
    IReadOnlyList<SeriesPoint> Series)
{
    /// <summary>
    /// Worst first: critical, failing, unknown, warning, ok; then the shortest runway (none last); then provider and account.
    /// </summary>
    public static IComparer<StatusPageAccount> WorstFirst { get; } = Comparer<StatusPageAccount>.Create((x, y) =>
    {
        var byState = x!.State.CompareTo(y!.State);
        if (byState != 0)
        {
            return byState;
        }

        var byRunway = (x.Runway?.Seconds ?? long.MaxValue).CompareTo(y.Runway?.Seconds ?? long.MaxValue);
        return byRunway != 0 ? byRunway : BalanceCheckResult.ContractOrder.Compare(x.Reading.Latest, y.Reading.Latest);
    });

    /// <summary>What the page says of the account, worst first.</summary>
    public AccountState State => Reading switch
    {
        { Level: BalanceLevel.Critical } => AccountState.Critical,
        { IsStale: true } => AccountState.Failing,
        { Level: BalanceLevel.Unknown } => AccountState.Unknown,
        { Level: BalanceLevel.Warning } => AccountState.Warning,
        _ => AccountState.Ok,
    };
}
