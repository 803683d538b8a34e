using System.Globalization;
using BalanceClients.History;

namespace BalanceClients.Notifications;

/// <summary>
/// A runway's horizons in words, for a message: <c>under its warning horizon of 7 d</c> (the runway itself is
/// <see cref="BalanceRunway.ToString"/>, the same words as the tool's table).
/// </summary>
internal static class RunwaySentence
{
    /// <summary>How a runway level stands against its horizon, or, at ok, against the one it was under.</summary>
    /// <param name="level">The runway level now.</param>
    /// <param name="previous">The runway level told before, if any.</param>
    /// <param name="horizons">The account's horizons.</param>
    /// <returns><c>under its warning horizon of 7 d</c>, <c>no longer under its critical horizon of 1 d</c>.</returns>
    public static string Against(BalanceLevel level, BalanceLevel? previous, RunwayHorizons horizons) =>
        level == BalanceLevel.Ok
            ? $"no longer under its {Horizon(previous ?? BalanceLevel.Ok, horizons)}"
            : $"under its {Horizon(level, horizons)}";

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
