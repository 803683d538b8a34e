namespace BalanceClients.Monitoring;

/// <summary>The defaults and limits of the monitor's schedule, in one place.</summary>
internal static class MonitorDefaults
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(1);

    /// <summary>Each interval is stretched or shrunk by up to this fraction, so that accounts drift apart.</summary>
    public const double Jitter = 0.1;

    /// <summary>The first checks are spread over this window (at most half an interval), so that they never start at once.</summary>
    public static readonly TimeSpan StartSpread = TimeSpan.FromSeconds(10);

    /// <summary>Repeated failures double the wait up to this many intervals.</summary>
    public const int MaxBackoffIntervals = 8;
}
