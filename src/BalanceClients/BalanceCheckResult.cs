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
    private readonly BalanceLevel? _level;

    /// <summary>The contract's order of results: by provider id, then account name, ordinally.</summary>
    public static IComparer<BalanceCheckResult> ContractOrder { get; } = Comparer<BalanceCheckResult>.Create((x, y) =>
    {
        var byProvider = string.CompareOrdinal(x?.Provider, y?.Provider);
        return byProvider != 0 ? byProvider : string.CompareOrdinal(x?.Account, y?.Account);
    });

    /// <summary>The check's outcome as telemetry names it: <c>success</c>, or the error kind (<c>timeout</c>, ...).</summary>
    internal string Outcome => Error?.Kind.ToContractName() ?? "success";

    /// <summary>Whether the balance was read.</summary>
    [MemberNotNullWhen(true, nameof(Balance))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Balance is not null;

    /// <summary>Where the account stands against its thresholds (<see cref="BalanceThresholds.LevelOf(BalanceCheckResult)"/>).</summary>
    /// <value>The checker sets it from the configured thresholds; by default <see cref="BalanceLevel.Ok"/> for a success and
    /// <see cref="BalanceLevel.Unknown"/> for a failure.</value>
    public BalanceLevel Level
    {
        get => _level ?? (IsSuccess ? BalanceLevel.Ok : BalanceLevel.Unknown);
        init => _level = value;
    }

    /// <summary>Whether the account is at <see cref="BalanceLevel.Critical"/>: the contract's <c>low</c>.</summary>
    public bool IsLow => Level == BalanceLevel.Critical;

    /// <summary>The balance, for callers that prefer an exception to a failed result.</summary>
    /// <returns>The balance.</returns>
    /// <exception cref="BalanceException">The check failed; <see cref="BalanceException.Error"/> says why.</exception>
    public AccountBalance EnsureSuccess() => IsSuccess ? Balance : throw new BalanceException(Error);
}
