namespace BalanceClients.Cli.Output;

/// <summary>A result as the report shows it: with the amounts that fell below a threshold.</summary>
/// <param name="Result">The check's result.</param>
/// <param name="LowAmounts">The amounts below a <c>--min</c> threshold.</param>
internal sealed record ReportedResult(BalanceCheckResult Result, IReadOnlyList<BalanceAmount> LowAmounts)
{
    /// <summary>Whether any amount is low.</summary>
    public bool IsLow => LowAmounts.Count > 0;

    /// <summary>Applies thresholds to a result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>The reported result.</returns>
    public static ReportedResult Of(BalanceCheckResult result, IReadOnlyList<Threshold> thresholds) =>
        new(result, result.IsSuccess
            ? [.. result.Balance.Amounts.Where(amount => thresholds.Any(t => t.Applies(result.Provider, amount) && amount.Amount < t.Minimum))]
            : []);
}
