using System.IO.Compression;
using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Output;
using Microsoft.Extensions.Options;

namespace BalanceClients.AspNetCore;

/// <summary>
/// What <c>/metrics</c>, <c>/api/v1/balances</c> and the status page answer, rendered from the monitor's readings once per change
/// of them (or of the runways, thresholds, intervals or leadership) and served from memory until the next: a scrape never reaches
/// a provider, and costs the same whatever the scrape rate. The gzip form of the metrics is compressed once per rendering too.
/// </summary>
/// <param name="monitor">The monitor.</param>
/// <param name="checker">The checker, for the configured thresholds.</param>
/// <param name="monitorOptions">The monitor's options, for the configured intervals.</param>
/// <param name="runways">The latest runways, when the readings are recorded.</param>
/// <param name="leadership">Whether this replica leads the monitor.</param>
internal sealed class BalanceDocuments(
    IBalanceMonitor monitor,
    IBalanceChecker checker,
    IOptionsMonitor<BalanceMonitorOptions> monitorOptions,
    LatestRunways? runways,
    IMonitorLeadership leadership)
{
    private static readonly IReadOnlyDictionary<(string Provider, string Account), BalanceRunway> NoRunways =
        new Dictionary<(string Provider, string Account), BalanceRunway>();

    private Rendered? _rendered;

    /// <summary>The documents of the latest readings.</summary>
    /// <returns>The rendered documents.</returns>
    public Rendered Current()
    {
        var readings = monitor.Readings;
        var known = runways?.All ?? NoRunways;
        var thresholds = checker.Thresholds;
        var intervals = monitorOptions.CurrentValue;
        var leader = leadership.IsLeader;
        var rendered = Volatile.Read(ref _rendered);
        if (rendered is null
            || !ReferenceEquals(rendered.Readings, readings)
            || !ReferenceEquals(rendered.Runways, known)
            || !ReferenceEquals(rendered.Thresholds, thresholds)
            || !ReferenceEquals(rendered.Intervals, intervals)
            || rendered.IsLeader != leader)
        {
            BalanceRunway? RunwayOf(BalanceReading reading) => known.GetValueOrDefault((reading.Provider, reading.Account));
            rendered = new Rendered(readings, known, thresholds, intervals, leader)
            {
                Metrics = MonitorExposition.Render(readings, RunwayOf, thresholds, intervals.IntervalOf, leader),
                Json = ResultJson.Document(readings, RunwayOf),
            };
            Volatile.Write(ref _rendered, rendered);
        }

        return rendered;
    }

    /// <summary>Compresses a body as one gzip member: members concatenated are one gzip body (RFC 1952).</summary>
    /// <param name="body">The body.</param>
    /// <param name="level">How hard to try.</param>
    /// <returns>The gzip member.</returns>
    public static byte[] Gzip(byte[] body, CompressionLevel level)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, level, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return compressed.ToArray();
    }

    /// <summary>The documents of one state of the monitor: its readings, runways, thresholds and intervals.</summary>
    /// <param name="Readings">The readings.</param>
    /// <param name="Runways">The runways.</param>
    /// <param name="Thresholds">The thresholds.</param>
    /// <param name="Intervals">The monitor's options, with the intervals.</param>
    /// <param name="IsLeader">Whether this replica led the monitor.</param>
    internal sealed record Rendered(
        IReadOnlyList<BalanceReading> Readings,
        IReadOnlyDictionary<(string Provider, string Account), BalanceRunway> Runways,
        BalanceThresholds Thresholds,
        BalanceMonitorOptions Intervals,
        bool IsLeader)
    {
        private byte[]? _metricsGzip;
        private Task<StatusPage.RenderedPage>? _page;

        /// <summary>The Prometheus text of the readings (the process families are not in it).</summary>
        public required byte[] Metrics { get; init; }

        /// <summary>The JSON document of the readings.</summary>
        public required byte[] Json { get; init; }

        /// <summary>The metrics as one gzip member, compressed on the first scrape that asks for it.</summary>
        public byte[] MetricsGzip => LazyInitializer.EnsureInitialized(ref _metricsGzip, () => Gzip(Metrics, CompressionLevel.Optimal));

        /// <summary>
        /// The status page of these readings, rendered on the first request that asks for it (for the path it asked at), and
        /// again only for a request at another path, or after a rendering that failed.
        /// </summary>
        /// <param name="links">The path the page is served at, without its trailing slash.</param>
        /// <param name="render">Renders the page.</param>
        /// <returns>The page.</returns>
        public Task<StatusPage.RenderedPage> Page(string links, Func<Task<StatusPage.RenderedPage>> render)
        {
            var page = Volatile.Read(ref _page);
            if (page is null || page.IsFaulted || page.IsCanceled || (page.IsCompletedSuccessfully && page.Result.Links != links))
            {
                page = render();
                Volatile.Write(ref _page, page);
            }

            return page;
        }
    }
}
