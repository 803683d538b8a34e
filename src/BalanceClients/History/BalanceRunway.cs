using System.Globalization;

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

    /// <summary>The runway in words: <c>runs out in ~3 d (2026-11-25 14:00 UTC) at 130 USD a day</c>.</summary>
    /// <returns>The words, as the tool's table and the webhooks' messages say them.</returns>
    public override string ToString()
    {
        var at = EmptyAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var burn = BurnPerDay.ToString("0.##", CultureInfo.InvariantCulture);
        return $"runs out in {Approximately(Remaining)} ({at} UTC) at {burn} {Currency} a day";
    }

    /// <summary>A time left, rounded to the unit a person would use: minutes under an hour, hours under two days, then days.</summary>
    /// <param name="remaining">The time left.</param>
    /// <returns><c>40 min</c>, <c>30 h</c>, <c>6 d</c>.</returns>
    internal static string Rounded(TimeSpan remaining) => remaining switch
    {
        { TotalHours: < 1 } => $"{Math.Max(1, Math.Round(remaining.TotalMinutes)).ToString(CultureInfo.InvariantCulture)} min",
        { TotalDays: < 2 } => $"{Math.Round(remaining.TotalHours).ToString(CultureInfo.InvariantCulture)} h",
        _ => $"{Math.Round(remaining.TotalDays).ToString(CultureInfo.InvariantCulture)} d",
    };

    private static string Approximately(TimeSpan remaining) => "~" + Rounded(remaining);
}
