using System.Globalization;
using BalanceClients.History;

namespace BalanceClients.Cli.Output;

/// <summary>A runway in words, for people: <c>runs out in ~3 d (2026-11-25 14:00 UTC) at 130 USD a day</c>.</summary>
internal static class RunwayText
{
    /// <summary>The sentence about an account's runway.</summary>
    /// <param name="runway">The runway.</param>
    /// <returns>The sentence, without the account.</returns>
    public static string Of(BalanceRunway runway)
    {
        ArgumentNullException.ThrowIfNull(runway);
        var at = runway.EmptyAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var burn = runway.BurnPerDay.ToString("0.##", CultureInfo.InvariantCulture);
        return $"runs out in {Approximately(runway.Remaining)} ({at} UTC) at {burn} {runway.Currency} a day";
    }

    /// <summary>A time left, rounded to the unit a person would use: minutes under an hour, hours under two days, then days.</summary>
    /// <param name="remaining">The time left.</param>
    /// <returns><c>~40 min</c>, <c>~5 h</c>, <c>~3 d</c>.</returns>
    public static string Approximately(TimeSpan remaining) => remaining switch
    {
        { TotalHours: < 1 } => $"~{Math.Max(1, Math.Round(remaining.TotalMinutes)).ToString(CultureInfo.InvariantCulture)} min",
        { TotalDays: < 2 } => $"~{Math.Round(remaining.TotalHours).ToString(CultureInfo.InvariantCulture)} h",
        _ => $"~{Math.Round(remaining.TotalDays).ToString(CultureInfo.InvariantCulture)} d",
    };
}
