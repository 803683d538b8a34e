using System.Diagnostics.CodeAnalysis;

namespace BalanceClients;

/// <summary>The outcome of checking one account: its balance, or why there is none.</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="Account">The account's configured name.</param>
/// <param name="Balance">The balance, when the check succeeded.</param>
/// <param name="Error">Why the check failed, when it did.</param>
/// <param name="Duration">How long the check took, retries included.</param>
public sealed record BalanceCheckResult(
    string Provider,
    string Account,
    AccountBalance? Balance,
    BalanceError? Error,
    TimeSpan Duration)
{
    /// <summary>The contract's order of results: by provider id, then account name, ordinally.</summary>
    public static IComparer<BalanceCheckResult> ContractOrder { get; } = Comparer<BalanceCheckResult>.Create((x, y) =>
    {
        var byProvider = string.CompareOrdinal(x?.Provider, y?.Provider);
        return byProvider != 0 ? byProvider : string.CompareOrdinal(x?.Account, y?.Account);
    });

    /// <summary>Whether the balance was read.</summary>
    [MemberNotNullWhen(true, nameof(Balance))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Balance is not null;

    /// <summary>The balance, for callers that prefer an exception to a failed result.</summary>
    /// <returns>The balance.</returns>
    /// <exception cref="BalanceException">The check failed; <see cref="BalanceException.Error"/> says why.</exception>
    public AccountBalance EnsureSuccess() => IsSuccess ? Balance : throw new BalanceException(Error);
}
