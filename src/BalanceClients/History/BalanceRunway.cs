namespace BalanceClients.History;

/// <summary>
/// How long an amount lasts at the recent rate of spending: the contract's <c>runway</c> object
/// (<c>{ "seconds", "emptyAt", "burnPerDay", "kind", "currency" }</c>).
/// </summary>
/// <param name="Seconds">Whole seconds from now until the amount reaches the target; 0 when the projection says it has already.</param>
/// <param name="EmptyAt">When the amount reaches the target at this rate (UTC).</param>
/// <param name="BurnPerDay">The recent rate of spending, per day; always positive (top-ups are not spending).</param>
/// <param name="Kind">The kind of amount.</param>
/// <param name="Currency">Its currency.</param>
public sealed record BalanceRunway(long Seconds, DateTimeOffset EmptyAt, decimal BurnPerDay, string Kind, string Currency)
{
    /// <summary>The time left, as a time span.</summary>
    public TimeSpan Remaining => TimeSpan.FromSeconds(Seconds);
}
