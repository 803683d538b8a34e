using BalanceClients.Configuration;

namespace BalanceClients.History;

/// <summary>How the runway reads a series: how much recent history, how much is enough, and what counts as a top-up.</summary>
public sealed class RunwayOptions
{
    /// <summary>How far back from now the readings are taken.</summary>
    /// <value>The default value is 2 days; from 1 hour to 366 days.</value>
    [SettingRange("01:00:00", "366.00:00:00")]
    public TimeSpan Window { get; set; } = HistoryDefaults.RunwayWindow;

    /// <summary>The fewest readings in the window that give a runway.</summary>
    /// <value>The default value is 6; at least 2.</value>
    [SettingRange(2)]
    public int MinReadings { get; set; } = HistoryDefaults.RunwayMinReadings;

    /// <summary>The shortest time of observed spending (the spans of the window's segments, added) that gives a runway.</summary>
    /// <value>The default value is 1 hour; from 0 to the window.</value>
    public TimeSpan MinSpan { get; set; } = HistoryDefaults.RunwayMinSpan;

    /// <summary>
    /// A rise between two readings is a top-up, and starts a new segment, when it is more than this many times the median
    /// absolute change between consecutive readings of the window; a smaller rise is noise, left to the robust slope.
    /// </summary>
    /// <value>The default value is 4; from 1 to 1000.</value>
    [SettingRange(1.0, 1000.0)]
    public double TopUpFactor { get; set; } = HistoryDefaults.RunwayTopUpFactor;

    /// <summary>
    /// The most readings the slope is computed from; more are thinned evenly, which bounds the cost (pairs grow as its square).
    /// </summary>
    /// <value>The default value is 200; from 10 to 5000.</value>
    [SettingRange(10, 5000)]
    public int MaxPoints { get; set; } = HistoryDefaults.RunwayMaxPoints;

    /// <summary>Checks the values.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range; the message names it.</exception>
    internal static void Validate(RunwayOptions options)
    {
        var failure = new RunwayOptionsValidator().Validate(null, options) is { Failed: true } result ? result.Failures.First()
            : options.MinSpan < TimeSpan.Zero || options.MinSpan > options.Window ? "RunwayOptions.MinSpan must be between 0 and Window."
            : null;
        if (failure is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(options), failure);
        }
    }
}
