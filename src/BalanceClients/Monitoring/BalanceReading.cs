namespace BalanceClients.Monitoring;

/// <summary>What a monitor knows of one account: its latest check, and the last balance it read.</summary>
/// <param name="Latest">The latest check's result; its <see cref="BalanceCheckResult.Level"/> is the account's level.</param>
/// <param name="LastGood">The last balance read, kept while later checks fail; <see langword="null"/> if none ever succeeded.</param>
/// <param name="CheckedAt">When the latest check ended.</param>
public sealed record BalanceReading(BalanceCheckResult Latest, AccountBalance? LastGood, DateTimeOffset CheckedAt)
{
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
