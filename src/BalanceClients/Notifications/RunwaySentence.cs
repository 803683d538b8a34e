using System.Globalization;
using BalanceClients.History;

namespace BalanceClients.Notifications;

/// <summary>
/// A runway and its horizons in words, for a message: <c>runs out in ~2 d (2026-11-24 10:00 UTC) at 130 USD a day</c>, <c>under
/// its warning horizon of 7 d</c>. The same words as the tool's table.
/// </summary>
internal static class RunwaySentence
{
    /// <summary>The words of a runway.</summary>
    /// <param name="runway">The runway.</param>
    /// <returns>The words, without the account.</returns>
    public static string Of(BalanceRunway runway)
    {
        ArgumentNullException.ThrowIfNull(runway);
        var at = runway.EmptyAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var burn = runway.BurnPerDay.ToString("0.##", CultureInfo.InvariantCulture);
        return $"runs out in {Approximately(runway.Remaining)} ({at} UTC) at {burn} {runway.Currency} a day";
    }

    /// <summary>How a runway level stands against its horizon, or, at ok, against the one it was under.</summary>
    /// <param name="level">The runway level now.</param>
    /// <param name="previous">The runway level told before, if any.</param>
    /// <param name="horizons">The account's horizons.</param>
    /// <returns><c>under its warning horizon of 7 d</c>, <c>no longer under its critical horizon of 1 d</c>.</returns>
    public static string Against(BalanceLevel level, BalanceLevel? previous, RunwayHorizons horizons) =>
        level == BalanceLevel.Ok
            ? $"no longer under its {Horizon(previous ?? BalanceLevel.Ok, horizons)}"
            : $"under its {Horizon(level, horizons)}";

    /// <summary>A time left, rounded to the unit a person would use: minutes under an hour, hours under two days, then days.</summary>
    /// <param name="remaining">The time left.</param>
    /// <returns><c>~40 min</c>, <c>~5 h</c>, <c>~3 d</c>.</returns>
    public static string Approximately(TimeSpan remaining) => remaining switch
    {
        { TotalHours: < 1 } => $"~{Math.Max(1, Math.Round(remaining.TotalMinutes)).ToString(CultureInfo.InvariantCulture)} min",
        { TotalDays: < 2 } => $"~{Math.Round(remaining.TotalHours).ToString(CultureInfo.InvariantCulture)} h",
        _ => $"~{Math.Round(remaining.TotalDays).ToString(CultureInfo.InvariantCulture)} d",
    };

    /// <summary>A configured horizon, exactly, in its largest whole unit: <c>7 d</c>, <c>36 h</c>, <c>90 min</c>.</summary>
    /// <param name="horizon">The horizon.</param>
    /// <returns>The text; a horizon of no whole minutes as a time span (<c>00:00:30</c>).</returns>
    public static string Exactly(TimeSpan horizon) => horizon switch
    {
        { Ticks: > 0 } when horizon.Ticks % TimeSpan.TicksPerDay == 0 => Whole(horizon.Ticks / TimeSpan.TicksPerDay, "d"),
        { Ticks: > 0 } when horizon.Ticks % TimeSpan.TicksPerHour == 0 => Whole(horizon.Ticks / TimeSpan.TicksPerHour, "h"),
        { Ticks: > 0 } when horizon.Ticks % TimeSpan.TicksPerMinute == 0 => Whole(horizon.Ticks / TimeSpan.TicksPerMinute, "min"),
        _ => horizon.ToString("c", CultureInfo.InvariantCulture),
    };

    // "warning horizon of 7 d"; the horizon's length is left out when the thresholds set none (they were changed since).
    private static string Horizon(BalanceLevel level, RunwayHorizons horizons) =>
        level is BalanceLevel.Warning or BalanceLevel.Critical
            ? $"{level.ToContractName()} horizon" + (horizons.Of(level) is { } horizon ? $" of {Exactly(horizon)}" : string.Empty)
            : "runway horizons";

    private static string Whole(long count, string unit) => $"{count.ToString(CultureInfo.InvariantCulture)} {unit}";
}
