namespace BalanceClients.History;

/// <summary>The hours that the retention thins readings to (<see cref="HistoryDefaults.ThinningPeriod"/>), in Unix milliseconds.</summary>
internal static class ThinnedHours
{
    /// <summary>The length of one hour.</summary>
    public static readonly long Milliseconds = (long)HistoryDefaults.ThinningPeriod.TotalMilliseconds;

    /// <summary>The start of the hour a time falls in (also before 1970).</summary>
    /// <param name="milliseconds">The time.</param>
    /// <returns>The hour's start.</returns>
    public static long Start(long milliseconds) => milliseconds - (((milliseconds % Milliseconds) + Milliseconds) % Milliseconds);
}
