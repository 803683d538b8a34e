namespace BalanceClients;

/// <summary>The contract's names and order of <see cref="BalanceLevel"/> values.</summary>
public static class BalanceLevelExtensions
{
    /// <summary>The level's name in the contract and the CLI's output (<c>critical</c>, say).</summary>
    /// <param name="level">The level.</param>
    /// <returns>The lower-case name.</returns>
    public static string ToContractName(this BalanceLevel level) => level switch
    {
        BalanceLevel.Ok => "ok",
        BalanceLevel.Warning => "warning",
        BalanceLevel.Critical => "critical",
        BalanceLevel.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level."),
    };

    /// <summary>The worse of two levels: a known critical amount outranks an unknown one, which outranks a warning.</summary>
    /// <param name="level">One level.</param>
    /// <param name="other">The other.</param>
    /// <returns>The worse of the two.</returns>
    public static BalanceLevel Worst(this BalanceLevel level, BalanceLevel other) => Rank(level) >= Rank(other) ? level : other;

    private static int Rank(BalanceLevel level) => level switch
    {
        BalanceLevel.Ok => 0,
        BalanceLevel.Warning => 1,
        BalanceLevel.Unknown => 2,
        _ => 3,
    };
}
