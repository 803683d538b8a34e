namespace BalanceClients;

/// <summary>Checks the balances of provider accounts, many at once, each failure kept to its own account.</summary>
public interface IBalanceChecker
{
    /// <summary>The configured accounts, ordered by provider id, then account name.</summary>
    IReadOnlyList<BalanceAccount> Accounts { get; }

    /// <summary>The configured thresholds, which give each result its <see cref="BalanceCheckResult.Level"/>.</summary>
    BalanceThresholds Thresholds { get; }

    /// <summary>Checks every configured account concurrently, within the configured deadline.</summary>
    /// <param name="cancellationToken">Stops the check; nothing is returned then.</param>
    /// <returns>One result per account, ordered by provider id, then account name.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<IReadOnlyList<BalanceCheckResult>> CheckAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks one account, within the configured deadline.</summary>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>Its balance, or why there is none.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<BalanceCheckResult> CheckAsync(BalanceAccount account, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks any number of accounts with bounded concurrency, yielding each result as it completes; accounts are read
    /// only as fast as they are checked, so memory does not grow with their number.
    /// </summary>
    /// <param name="accounts">The accounts.</param>
    /// <param name="deadline">The deadline of the whole stream; <see langword="null"/> for the configured one.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>The results, in order of completion.</returns>
    IAsyncEnumerable<BalanceCheckResult> CheckManyAsync(
        IAsyncEnumerable<BalanceAccount> accounts,
        TimeSpan? deadline = null,
        CancellationToken cancellationToken = default);
}
