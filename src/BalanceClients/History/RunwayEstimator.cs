namespace BalanceClients.History;

/// <summary>
/// The runway of one series of readings: the recent rate of spending, robust to noise and top-ups, and when the amount reaches
/// zero (or a target) at that rate. The method and its parameters: docs/history.md.
/// </summary>
public static class RunwayEstimator
{
    private const decimal MillisecondsPerDay = 86_400_000m;
    private const int BurnDecimals = 8;

    /// <summary>The runway of a series: the readings of its latest reading's kind and currency in the window before now.</summary>
    /// <param name="readings">Readings of one account, in any order; duplicates (same time) count once, the last given; readings
    /// without an amount, or of another kind or currency than the latest, are ignored.</param>
    /// <param name="now">The end of the window, from which the seconds left are counted.</param>
    /// <param name="target">The amount whose reaching ends the runway: 0, or the critical threshold.</param>
    /// <param name="options">The window and rules; <see langword="null"/> for the defaults.</param>
    /// <returns>The runway, or <see langword="null"/> when there is too little history, no spending, or the latest amount is already
    /// at or below the target.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static BalanceRunway? Estimate(
        IEnumerable<StoredReading> readings, DateTimeOffset now, decimal target = 0, RunwayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(readings);
        options ??= new RunwayOptions();
        RunwayOptions.Validate(options);
        var nowMs = now.ToUnixTimeMilliseconds();
        var from = nowMs - (long)options.Window.TotalMilliseconds;
        var inWindow = readings.Where(r => r?.Amount is not null && InWindow(r.Time.ToUnixTimeMilliseconds(), from, nowMs)).ToList();
        if (inWindow.Count == 0)
        {
            return null;
        }

        var latest = inWindow[0];
        foreach (var reading in inWindow)
        {
            latest = reading.Time >= latest.Time ? reading : latest;
        }

        var points = inWindow
            .Where(r => r.Kind == latest.Kind && r.Currency == latest.Currency)
            .Select(r => new RunwayPoint(r.Time.ToUnixTimeMilliseconds(), r.Amount!.Value))
            .ToList();
        return Estimate(points, latest.Kind, latest.Currency, nowMs, target, options);
    }

    /// <summary>The runway of one series' points (any order; the last given wins at a time), options already checked.</summary>
    internal static BalanceRunway? Estimate(
        List<RunwayPoint> points, string kind, string currency, long now, decimal target, RunwayOptions options)
    {
        try
        {
            return EstimateChecked(points, kind, currency, now, target, options);
        }
        catch (OverflowException)
        {
            // Amounts near decimal's limit (10^28): no runway rather than a wrong one.
            return null;
        }
    }

    private static BalanceRunway? EstimateChecked(
        List<RunwayPoint> points, string kind, string currency, long now, decimal target, RunwayOptions options)
    {
        var series = InOrder(points, now - (long)options.Window.TotalMilliseconds, now);
        if (series.Count < options.MinReadings || series[^1].Amount <= target)
        {
            return null;
        }

        var segments = Segments(series, options.TopUpFactor);
        var spending = segments.Sum(s => series[s.Last].Time - series[s.First].Time);
        if (spending < (long)options.MinSpan.TotalMilliseconds || spending == 0)
        {
            return null;
        }

        var usable = segments.Sum(s => s.Last - s.First + 1);
        var slope = TheilSen.SlopePerDay(series, segments, Math.Max(1, (usable + options.MaxPoints - 1) / options.MaxPoints));
        // Rounded, then without trailing zeros: 240, not 240.00000000.
        var burn = slope is { } perDay ? decimal.Round(-perDay, BurnDecimals) / 1.000000000000000000000000000000000m : 0;
        if (burn <= 0)
        {
            return null;
        }

        // Days first: the milliseconds of an amount beyond 10^20 would not fit a decimal before the division.
        var last = series[^1];
        var days = (last.Amount - target) / burn;
        var latest = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() - last.Time;
        if (days > latest / MillisecondsPerDay)
        {
            return null;
        }

        var remaining = decimal.Round(days * MillisecondsPerDay);

        var emptyAt = last.Time + (long)remaining;
        return new BalanceRunway(
            Math.Max(0, (emptyAt - now) / 1000), DateTimeOffset.FromUnixTimeMilliseconds(emptyAt), burn, kind, currency);
    }

    private static bool InWindow(long time, long from, long now) => time > from && time <= now;

    // The window's points in time order, one per time: the last given. The store's are in order already, and kept as they are.
    private static List<RunwayPoint> InOrder(List<RunwayPoint> points, long from, long now)
    {
        if (points.Count > 0 && InWindow(points[0].Time, from, now) && InWindow(points[^1].Time, from, now) && IsStrictlyIncreasing(points))
        {
            return points;
        }

        var indexed = new List<(RunwayPoint Point, int Index)>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            if (InWindow(points[i].Time, from, now))
            {
                indexed.Add((points[i], i));
            }
        }

        indexed.Sort((x, y) => x.Point.Time != y.Point.Time ? x.Point.Time.CompareTo(y.Point.Time) : x.Index.CompareTo(y.Index));
        var series = new List<RunwayPoint>(indexed.Count);
        for (var i = 0; i < indexed.Count; i++)
        {
            if (i + 1 < indexed.Count && indexed[i + 1].Point.Time == indexed[i].Point.Time)
            {
                continue;
            }

            series.Add(indexed[i].Point);
        }

        return series;
    }

    private static bool IsStrictlyIncreasing(List<RunwayPoint> points)
    {
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].Time <= points[i - 1].Time)
            {
                return false;
            }
        }

        return true;
    }

    // A rise of more than factor × the median absolute step is a top-up: the segment ends before it. Segments of one reading
    // hold no spending and are left out.
    private static List<(int First, int Last)> Segments(List<RunwayPoint> series, double factor)
    {
        // The threshold need not be exact: the steps are ranked in double precision, which is far cheaper than decimal.
        var steps = new double[series.Count - 1];
        for (var i = 1; i < series.Count; i++)
        {
            steps[i - 1] = Math.Abs((double)(series[i].Amount - series[i - 1].Amount));
        }

        Array.Sort(steps);
        var middle = steps.Length / 2;
        var median = steps.Length % 2 == 1 ? steps[middle] : (steps[middle - 1] + steps[middle]) / 2;
        var threshold = (decimal)(factor * median);
        var segments = new List<(int, int)>();
        var first = 0;
        for (var i = 1; i <= series.Count; i++)
        {
            if (i == series.Count || (series[i].Amount - series[i - 1].Amount > threshold && series[i].Amount > series[i - 1].Amount))
            {
                if (i - 1 > first)
                {
                    segments.Add((first, i - 1));
                }

                first = i;
            }
        }

        return segments;
    }
}
