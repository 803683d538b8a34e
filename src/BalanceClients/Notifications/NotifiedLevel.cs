namespace BalanceClients.Notifications;

/// <summary>The level a notifier last told a receiver of an account, as the store keeps it so that a restart does not repeat it.</summary>
/// <param name="Receiver">
/// Who was told: an opaque key that names a receiver without revealing it (for a webhook, a hash of its URL).
/// </param>
/// <param name="Provider">The provider id.</param>
/// <param name="Account">The account's name.</param>
/// <param name="Level">The level the receiver was told (or, for an account first read at <see cref="BalanceLevel.Ok"/>, has no
/// news about).</param>
/// <param name="At">When the level was read.</param>
internal sealed record NotifiedLevel(string Receiver, string Provider, string Account, BalanceLevel Level, DateTimeOffset At)
{
    /// <summary>
    /// The level of the account's runway the receiver was told beside <see cref="Level"/>: how the runway compares with the
    /// thresholds' <see cref="BalanceThreshold.RunwayWarning"/> and <see cref="BalanceThreshold.RunwayCritical"/> horizons.
    /// </summary>
    /// <value>The default value is <see cref="BalanceLevel.Ok"/>: no runway under a horizon (and what a store of schema 2 gives).</value>
    public BalanceLevel RunwayLevel { get; init; } = BalanceLevel.Ok;
}
