using BalanceClients.Monitoring;

namespace BalanceClients.Tests.Testing;

/// <summary>A checker whose accounts a test replaces, as a reload of the configuration does; the rest is the checker's.</summary>
/// <param name="checker">The checker.</param>
internal sealed class AccountsSwitch(IBalanceChecker checker) : IBalanceChecker
{
    private IReadOnlyList<BalanceAccount> _accounts = checker.Accounts;

    public IReadOnlyList<BalanceAccount> Accounts
    {
        get => Volatile.Read(ref _accounts);
        set => Volatile.Write(ref _accounts, value);
    }

    public BalanceThresholds Thresholds => checker.Thresholds;

    public Task<IReadOnlyList<BalanceCheckResult>> CheckAllAsync(CancellationToken cancellationToken = default) =>
        checker.CheckAllAsync(cancellationToken);

    public Task<BalanceCheckResult> CheckAsync(BalanceAccount account, CancellationToken cancellationToken = default) =>
        checker.CheckAsync(account, cancellationToken);

    public IAsyncEnumerable<BalanceCheckResult> CheckManyAsync(
        IAsyncEnumerable<BalanceAccount> accounts, TimeSpan? deadline = null, CancellationToken cancellationToken = default) =>
        checker.CheckManyAsync(accounts, deadline, cancellationToken);
}
