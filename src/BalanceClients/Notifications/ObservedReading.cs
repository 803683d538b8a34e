using BalanceClients.History;
using BalanceClients.Monitoring;

namespace BalanceClients.Notifications;

/// <summary>
/// A reading as the notifier took it: the monitor's reading, with the account's runway and runway level at that moment (the
/// latest runway changes with the account's next reading, so it is taken with the reading, not when the message is posted).
/// </summary>
/// <param name="Reading">The monitor's reading.</param>
/// <param name="Runway">The account's latest runway; <see langword="null"/> when none is known, or the runways are not kept.</param>
/// <param name="RunwayLevel">How <paramref name="Runway"/> compares with the account's runway horizons.</param>
/// <param name="Horizons">The account's runway horizons, for the message's words.</param>
internal sealed record ObservedReading(BalanceReading Reading, BalanceRunway? Runway, BalanceLevel RunwayLevel, RunwayHorizons Horizons)
{
    /// <summary>The levels a webhook is told of.</summary>
    public AccountLevels Levels => new(Reading.Level, RunwayLevel);

    /// <summary>The provider id.</summary>
    public string Provider => Reading.Provider;

    /// <summary>The account's name.</summary>
    public string Account => Reading.Account;
}
