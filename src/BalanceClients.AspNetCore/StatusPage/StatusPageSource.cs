using System.IO.Compression;
using BalanceClients.History;
using BalanceClients.Monitoring;

namespace BalanceClients.AspNetCore.StatusPage;

/// <summary>
/// Renders the status page of one state of the monitor: its readings, thresholds and runways, and the last 30 days of each
/// primary amount from the store (when the readings are recorded), thinned by the store to the chart's resolution.
/// The store is read again at most once per check interval, and then only from where the last reading of it ended (each
/// chart ends with the account's latest reading meanwhile): a page rendered for every change of the readings of many accounts
/// does not read 30 days of the store each time.
/// </summary>
/// <param name="history">The store of readings, or <see langword="null"/> when they are not recorded.</param>
/// <param name="time">The clock: the right end of the charts.</param>
internal sealed class StatusPageSource(BalanceHistory? history, TimeProvider time)
{
    // One point per this much time and account at most (the last reading of each): about 180 points over 30 days.
    private static readonly TimeSpan Resolution = TimeSpan.FromHours(4);
    private readonly Lock _lock = new();
    private Task<StoredSeries>? _stored;
    private DateTimeOffset _storedAt;

    /// <summary>Renders the page.</summary>
    /// <param name="state">The monitor's state the page shows.</param>
    /// <param name="links">The path the page is served at, without its trailing slash.</param>
    /// <param name="ready">Whether every account has been checked once.</param>
    /// <returns>The page, and its gzip form.</returns>
    public async Task<RenderedPage> RenderAsync(BalanceDocuments.Rendered state, string links, bool ready)
    {
        var now = time.GetUtcNow();
        var primaries = state.Readings
            .Where(reading => reading.LastGood?.Primary is not null)
            .ToDictionary(reading => (reading.Provider, reading.Account), reading => reading.LastGood!.Primary!);
        var (series, problem) = history is null
            ? new StoredSeries(null, null)
            : await StoredAsync(history, primaries, now, state.Intervals.Interval).ConfigureAwait(false);
        var accounts = state.Readings.Select(reading =>
            {
                var primary = primaries.GetValueOrDefault((reading.Provider, reading.Account));
                var applying = primary is null
                    ? []
                    : state.Thresholds.All.Where(threshold => threshold.AppliesTo(reading.Provider, reading.Account, primary)).ToList();
                return new StatusPageAccount(
                    reading,
                    primary,
                    state.Runways.GetValueOrDefault((reading.Provider, reading.Account)),
                    applying.Max(threshold => threshold.Warning),
                    applying.Max(threshold => threshold.Critical),
                    WithLatest(
                        series is null ? null : series.GetValueOrDefault((reading.Provider, reading.Account)) ?? [], reading, primary));
            })
            .Order(StatusPageAccount.WorstFirst)
            .ToList();
        var html = StatusPageHtml.Render(
            new StatusPageModel(accounts, now, state.Intervals.Interval, links, history is not null, problem, ready));
        return new RenderedPage(links, html, BalanceDocuments.Gzip(html, CompressionLevel.Optimal));
    }

    // The latest reading ends the chart, when the store was read before it.
    private static List<SeriesPoint> WithLatest(List<SeriesPoint>? stored, BalanceReading reading, BalanceAmount? primary)
    {
        if (stored is null)
        {
            return [];
        }

        return primary?.Amount is { } amount && reading.LastSuccessAt is { } at && (stored.Count == 0 || stored[^1].Time < at)
            ? [.. stored, new SeriesPoint(at, amount)]
            : stored;
    }

    // The store is read again once per interval, from where the last reading of it ended (less an interval, for readings
    // recorded late), onto the points already read.
    private Task<StoredSeries> StoredAsync(
        BalanceHistory history,
        Dictionary<(string Provider, string Account), BalanceAmount> primaries,
        DateTimeOffset now,
        TimeSpan interval)
    {
        lock (_lock)
        {
            if (_stored is null || _stored.IsFaulted || now - _storedAt >= interval || now < _storedAt)
            {
                var previous = _stored is { IsCompletedSuccessfully: true, Result: { Series: not null } done } && now >= _storedAt
                    ? done
                    : null;
                _stored = ReadSeriesAsync(history, primaries, now, previous is null ? null : (previous, _storedAt - interval));
                _storedAt = now;
            }

            return _stored;
        }
    }

    private static async Task<StoredSeries> ReadSeriesAsync(
        BalanceHistory history,
        Dictionary<(string Provider, string Account), BalanceAmount> primaries,
        DateTimeOffset now,
        (StoredSeries Series, DateTimeOffset Since)? previous)
    {
        var start = now - StatusPageModel.Charted;
        var series = new Dictionary<(string, string), List<SeriesPoint>>();
        foreach (var (key, points) in previous?.Series.Series ?? [])
        {
            series[key] = points.Where(point => point.Time >= start).ToList();
        }

        try
        {
            var store = await history.GetStoreAsync(CancellationToken.None).ConfigureAwait(false);
            // The first reading of the store is thinned by the store: what the charts need, not all 30 days of readings.
            var readings = previous is { Since: var after }
                ? store.ReadAsync(since: after > start ? after : start)
                : store.ReadThinnedAsync(Resolution, since: start);
            await foreach (var stored in readings.ConfigureAwait(false))
            {
                var key = (stored.Provider, stored.Account);
                if (stored.Amount is { } amount && primaries.TryGetValue(key, out var primary)
                    && stored.Kind == primary.Kind && stored.Currency == primary.Currency)
                {
                    Add(series, key, new SeriesPoint(stored.Time, amount));
                }
            }

            return new StoredSeries(series, null);
        }
        catch (BalanceStoreException exception)
        {
            return new StoredSeries(null, exception.Message.ReplaceLineEndings(" "));
        }
    }

    // Oldest first, one point per bucket (the last); a point already read is not added again.
    private static void Add(Dictionary<(string, string), List<SeriesPoint>> series, (string, string) key, SeriesPoint point)
    {
        if (!series.TryGetValue(key, out var points))
        {
            series[key] = points = [];
        }

        if (points.Count > 0 && point.Time <= points[^1].Time)
        {
            return;
        }

        if (points.Count > 0 && Bucket(points[^1].Time) == Bucket(point.Time))
        {
            points[^1] = point;
        }
        else
        {
            points.Add(point);
        }
    }

    // Counted from 1970, as the store's thinned read counts its spans.
    private static long Bucket(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks / Resolution.Ticks;

    /// <summary>The primary amounts the store held at one reading of it, or why it could not be read.</summary>
    /// <param name="Series">The points by provider and account; <see langword="null"/> when the store could not be read.</param>
    /// <param name="Problem">Why it could not be read.</param>
    private sealed record StoredSeries(Dictionary<(string, string), List<SeriesPoint>>? Series, string? Problem);
}
