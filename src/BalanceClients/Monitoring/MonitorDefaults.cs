namespace BalanceClients.Monitoring;

/// <summary>The defaults and limits of the monitor's schedule, in one place.</summary>
internal static class MonitorDefaults
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>The range of every interval, as configuration writes time spans.</summary>
    public const string MinInterval = "00:00:10";
    public const string MaxInterval = "1.00:00:00";

    /// <summary>Each interval is stretched or shrunk by up to this fraction, so that accounts drift apart.</summary>
    public const double Jitter = 0.1;

    /// <summary>The first checks are spread over this window (at most half an interval), so that they never start at once.</summary>
    public static readonly TimeSpan StartSpread = TimeSpan.FromSeconds(10);

    /// <summary>How often a monitor that follows another replica reads the store's latest readings (at least every 5 s).</summary>
    public static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(2);

    /// <summary>Repeated failures double the wait up to this many intervals.</summary>
    public const int MaxBackoffIntervals = 8;
}
