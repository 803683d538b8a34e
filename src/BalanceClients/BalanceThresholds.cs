namespace BalanceClients;

/// <summary>A set of thresholds, and the levels they give to check results and their amounts.</summary>
public sealed class BalanceThresholds
{
    private readonly BalanceThreshold[] _thresholds;

    /// <summary>Creates the set.</summary>
    /// <param name="thresholds">The thresholds; when several have the same target, the later one's levels win.</param>
    public BalanceThresholds(IEnumerable<BalanceThreshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        _thresholds = [.. Merge([], thresholds)];
    }

    /// <summary>No thresholds: every result that succeeded is <see cref="BalanceLevel.Ok"/>.</summary>
    public static BalanceThresholds None { get; } = new([]);

    /// <summary>The thresholds, one per target.</summary>
    public IReadOnlyList<BalanceThreshold> All => _thresholds;

    /// <summary>
    /// This set with other thresholds laid over it: for the same target, each level the other sets wins (a <c>--warn</c> flag
    /// replaces the configured warning of its target and keeps the configured critical level).
    /// </summary>
    /// <param name="overrides">The thresholds that win.</param>
    /// <returns>The merged set.</returns>
    public BalanceThresholds Override(IEnumerable<BalanceThreshold> overrides) => new(Merge(_thresholds, overrides));

    /// <summary>The level of a result: the worst over the thresholds that apply to it; unknown when the check failed.</summary>
    /// <param name="result">The result.</param>
    /// <returns>Its level.</returns>
    public BalanceLevel LevelOf(BalanceCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsSuccess)
        {
            return BalanceLevel.Unknown;
        }

        var level = BalanceLevel.Ok;
        foreach (var threshold in _thresholds.Where(t => t.HasAmountLevels && t.AppliesTo(result.Provider, result.Account)))
        {
            var amounts = result.Balance.Amounts.Where(amount => threshold.AppliesTo(result.Provider, result.Account, amount)).ToList();
            level = amounts.Count == 0
                ? level.Worst(BalanceLevel.Unknown)
                : amounts.Aggregate(level, (worst, amount) => worst.Worst(threshold.LevelOf(amount.Amount)));
        }

        return level;
    }

    /// <summary>The level of one amount of an account: the worst over the thresholds about it; ok when none is.</summary>
    /// <param name="provider">The account's provider id.</param>
    /// <param name="account">The account's name.</param>
    /// <param name="amount">The amount.</param>
    /// <returns>Its level.</returns>
    public BalanceLevel LevelOf(string provider, string account, BalanceAmount amount) =>
        _thresholds
            .Where(t => t.AppliesTo(provider, account, amount))
            .Aggregate(BalanceLevel.Ok, (worst, t) => worst.Worst(t.LevelOf(amount.Amount)));

    /// <summary>
    /// The level of an account's runway: the worst over the runway levels of the thresholds about its primary amount; ok when
    /// none is, or when no runway is known.
    /// </summary>
    /// <param name="provider">The account's provider id.</param>
    /// <param name="account">The account's name.</param>
    /// <param name="remaining">The time left until its primary amount runs out; <see langword="null"/> when unknown.</param>
    /// <returns>Its runway level.</returns>
    public BalanceLevel RunwayLevelOf(string provider, string account, TimeSpan? remaining) =>
        _thresholds
            .Where(t => t.HasRunwayLevels && t.AppliesTo(provider, account, PrimaryAmountOf(provider)))
            .Aggregate(BalanceLevel.Ok, (worst, t) => worst.Worst(t.RunwayLevelOf(remaining)));

    /// <summary>
    /// The horizon of one runway level for an account: the longest <see cref="BalanceThreshold.RunwayWarning"/> (or
    /// <see cref="BalanceThreshold.RunwayCritical"/>) of the thresholds about its primary amount, the one a runway is under
    /// whenever it is at that level.
    /// </summary>
    /// <param name="provider">The account's provider id.</param>
    /// <param name="account">The account's name.</param>
    /// <param name="level"><see cref="BalanceLevel.Warning"/> or <see cref="BalanceLevel.Critical"/>.</param>
    /// <returns>The horizon; <see langword="null"/> when no threshold sets one, or for another level.</returns>
    internal TimeSpan? RunwayHorizonOf(string provider, string account, BalanceLevel level) =>
        _thresholds
            .Where(t => t.HasRunwayLevels && t.AppliesTo(provider, account, PrimaryAmountOf(provider)))
            .Select(t => level switch
            {
                BalanceLevel.Warning => t.RunwayWarning,
                BalanceLevel.Critical => t.RunwayCritical,
                _ => null,
            })
            .Max();

    private static BalanceAmount PrimaryAmountOf(string provider) =>
        new(ProviderInfo.Find(provider.ToLowerInvariant())?.PrimaryKind ?? string.Empty, null, string.Empty, IsPrimary: true);

    private static List<BalanceThreshold> Merge(IEnumerable<BalanceThreshold> first, IEnumerable<BalanceThreshold> then)
    {
        var merged = new List<BalanceThreshold>();
        foreach (var threshold in first.Concat(then))
        {
            if (threshold is null)
            {
                throw new ArgumentException("A threshold is null.", nameof(then));
            }

            var index = merged.FindIndex(t => t.HasSameTarget(threshold));
            if (index < 0)
            {
                merged.Add(Copy(threshold, null));
            }
            else
            {
                merged[index] = Copy(threshold, merged[index]);
            }
        }

        return merged;
    }

    private static BalanceThreshold Copy(BalanceThreshold winner, BalanceThreshold? under) => new()
    {
        Provider = winner.Provider,
        Account = winner.Account,
        Kind = winner.Kind,
        Warning = winner.Warning ?? under?.Warning,
        Critical = winner.Critical ?? under?.Critical,
        RunwayWarning = winner.RunwayWarning ?? under?.RunwayWarning,
        RunwayCritical = winner.RunwayCritical ?? under?.RunwayCritical,
    };
}
