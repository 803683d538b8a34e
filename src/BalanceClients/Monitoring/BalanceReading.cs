namespace BalanceClients.Monitoring;

/// <summary>What a monitor knows of one account: its latest check, and the last balance it read.</summary>
/// <param name="Latest">The latest check's result; its <see cref="BalanceCheckResult.Level"/> is the account's level.</param>
/// <param name="LastGood">The last balance read, kept while later checks fail; <see langword="null"/> if none ever succeeded.</param>
/// <param name="CheckedAt">When the latest check ended.</param>
public sealed record BalanceReading(BalanceCheckResult Latest, AccountBalance? LastGood, DateTimeOffset CheckedAt)
{
    private static readonly IReadOnlyDictionary<string, long> NoChecks = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>
    /// How many checks of the account ended with each outcome since the monitor started: <c>success</c>, or the error kind
    /// (<c>timeout</c>, <c>unauthorized</c>, ...), as <c>balances_checks_total</c> counts them.
    /// </summary>
    /// <value>Empty by default; the monitor sets it with each reading.</value>
    public IReadOnlyDictionary<string, long> CheckCounts { get; init; } = NoChecks;

    /// <summary>The provider id.</summary>
    public string Provider => Latest.Provider;

    /// <summary>The account's name.</summary>
    public string Account => Latest.Account;

    /// <summary>The account's level: that of its latest check (<see cref="BalanceLevel.Unknown"/> when it failed).</summary>
    public BalanceLevel Level => Latest.Level;

    /// <summary>Whether the latest check failed: <see cref="LastGood"/>, if any, is then older than it.</summary>
    public bool IsStale => !Latest.IsSuccess;

    /// <summary>When the last balance was read, if ever.</summary>
    public DateTimeOffset? LastSuccessAt => LastGood?.RetrievedAt;
}
