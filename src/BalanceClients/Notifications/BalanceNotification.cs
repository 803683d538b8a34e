using BalanceClients.Monitoring;

namespace BalanceClients.Notifications;

/// <summary>One message: an account's level has changed from the one its receiver was last told.</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="Account">The account's name.</param>
/// <param name="Level">The account's new level.</param>
/// <param name="PreviousLevel">The level the receiver was last told; <see langword="null"/> for an account it was never told of.</param>
/// <param name="Amounts">The amounts of the check that found the level; none when it failed.</param>
/// <param name="At">When that check ended.</param>
/// <param name="Error">Why that check failed, when it did (its text already cleaned of control characters and secrets).</param>
internal sealed record BalanceNotification(
    string Provider,
    string Account,
    BalanceLevel Level,
    BalanceLevel? PreviousLevel,
    IReadOnlyList<BalanceAmount> Amounts,
    DateTimeOffset At,
    BalanceError? Error)
{
    /// <summary>The message of a reading.</summary>
    /// <param name="reading">The monitor's reading of the account.</param>
    /// <param name="previousLevel">The level the receiver was last told, if any.</param>
    /// <returns>The message.</returns>
    public static BalanceNotification Of(BalanceReading reading, BalanceLevel? previousLevel) =>
        new(
            reading.Provider,
            reading.Account,
            reading.Level,
            previousLevel,
            reading.Latest.Balance?.Amounts ?? [],
            reading.CheckedAt,
            reading.Latest.Error);
}
