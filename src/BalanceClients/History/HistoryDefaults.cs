namespace BalanceClients.History;

/// <summary>The defaults of the store of readings and of the runway, and its fixed limits, in one place.</summary>
internal static class HistoryDefaults
{
    /// <summary>Raw readings are kept this long; older ones are thinned to one per hour per series.</summary>
    public static readonly TimeSpan RawRetention = TimeSpan.FromDays(90);

    /// <summary>How often a host applies the retention.</summary>
    public static readonly TimeSpan RetentionInterval = TimeSpan.FromDays(1);

    /// <summary>How long a writer waits for another one (a <c>serve</c> and a cron <c>check --record</c> on one file).</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Thinned readings keep the last of each such period (aligned to UTC hours).</summary>
    public static readonly TimeSpan ThinningPeriod = TimeSpan.FromHours(1);

    /// <summary>The runway reads this much recent history.</summary>
    public static readonly TimeSpan RunwayWindow = TimeSpan.FromDays(2);

    /// <summary>Fewer readings than this in the window give no runway.</summary>
    public const int RunwayMinReadings = 6;

    /// <summary>Spending observed over less time than this gives no runway.</summary>
    public static readonly TimeSpan RunwayMinSpan = TimeSpan.FromHours(1);

    /// <summary>A rise larger than this many times the median step between readings is a top-up.</summary>
    public const double RunwayTopUpFactor = 4;

    /// <summary>The robust slope is computed from at most this many readings (evenly thinned), bounding its cost.</summary>
    public const int RunwayMaxPoints = 200;

    /// <summary>
    /// The most readings the recorder writes in one transaction (of history rows, or of latest rows). A batch shares one commit, one
    /// flush of the disk, among its readings; past a few dozen that share is already negligible, while a larger batch holds the
    /// store's writer longer and makes its readings wait longer: 256 is 16 rounds of the monitor's 16 checks at once.
    /// </summary>
    public const int RecordingBatch = 256;
}
