namespace BalanceClients.Cli;

/// <summary>The exit statuses of <c>balances check</c>, as the contract fixes them.</summary>
internal static class ExitCodes
{
    /// <summary>Every queried account answered and none is low.</summary>
    public const int Ok = 0;

    /// <summary>At least one account failed.</summary>
    public const int Failed = 1;

    /// <summary>None failed, but at least one is low.</summary>
    public const int Low = 2;

    /// <summary>Bad arguments or configuration.</summary>
    public const int Usage = 64;

    /// <summary>The exit status of a check's results: failed over low over ok.</summary>
    /// <param name="results">The results.</param>
    /// <returns>The status.</returns>
    public static int Of(IReadOnlyCollection<BalanceCheckResult> results) =>
        results.Any(result => !result.IsSuccess) ? Failed : results.Any(result => result.IsLow) ? Low : Ok;

    /// <summary>Interrupted by SIGINT or SIGTERM before the check completed (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
