using BalanceClients.History;

namespace BalanceClients.Notifications;

/// <summary>
/// One message: an account's level, or the level of its runway, has changed from the one its receiver was last told.
/// </summary>
/// <param name="Provider">The provider id.</param>
/// <param name="Account">The account's name.</param>
/// <param name="Level">The account's new level.</param>
/// <param name="PreviousLevel">The level the receiver was last told; <see langword="null"/> for an account it was never told of.</param>
/// <param name="RunwayLevel">The level of the account's runway (ok, warning or critical).</param>
/// <param name="PreviousRunwayLevel">
/// The runway level the receiver was last told; <see langword="null"/> for an account it was never told of.
/// </param>
/// <param name="Amounts">The amounts of the check that found the level; none when it failed.</param>
/// <param name="Runway">The account's latest runway; <see langword="null"/> when none is known.</param>
/// <param name="Horizons">The account's runway horizons, for the message's words.</param>
/// <param name="At">When that check ended.</param>
/// <param name="Error">Why that check failed, when it did (its text already cleaned of control characters and secrets).</param>
internal sealed record BalanceNotification(
    string Provider,
    string Account,
    BalanceLevel Level,
    BalanceLevel? PreviousLevel,
    BalanceLevel RunwayLevel,
    BalanceLevel? PreviousRunwayLevel,
    IReadOnlyList<BalanceAmount> Amounts,
    BalanceRunway? Runway,
    RunwayHorizons Horizons,
    DateTimeOffset At,
    BalanceError? Error)
{
    /// <summary>Whether the level is news: it differs from the one told, or, for an account never told of, is not ok.</summary>
    public bool IsLevelNews => PreviousLevel is { } previous ? previous != Level : Level != BalanceLevel.Ok;

    /// <summary>Whether the runway level is news, as <see cref="IsLevelNews"/> is for the level.</summary>
    public bool IsRunwayNews => PreviousRunwayLevel is { } previous ? previous != RunwayLevel : RunwayLevel != BalanceLevel.Ok;

    /// <summary>The message of a reading.</summary>
    /// <param name="observed">The reading, with the account's runway.</param>
    /// <param name="previous">The levels the receiver was last told, if any.</param>
    /// <returns>The message.</returns>
    public static BalanceNotification Of(ObservedReading observed, AccountLevels? previous)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var reading = observed.Reading;
        return new(
            reading.Provider,
            reading.Account,
            reading.Level,
            previous?.Level,
            observed.RunwayLevel,
            previous?.RunwayLevel,
            reading.Latest.Balance?.Amounts ?? [],
            observed.Runway,
            observed.Horizons,
            reading.CheckedAt,
            reading.Latest.Error);
    }

    /// <summary>The levels for a log line: <c>critical</c>; with the runway's when it is news or not ok (<c>ok; runway ok</c>).</summary>
    /// <returns>The text.</returns>
    public string DescribeLevels() =>
        Level.ToContractName()
        + (IsRunwayNews || RunwayLevel != BalanceLevel.Ok ? $"; runway {RunwayLevel.ToContractName()}" : string.Empty);
}
