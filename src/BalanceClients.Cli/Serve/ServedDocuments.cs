using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BalanceClients.Cli.Output;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Runways = System.Collections.Generic.IReadOnlyDictionary<(string Provider, string Account), BalanceClients.History.BalanceRunway>;

namespace BalanceClients.Cli.Serve;

/// <summary>
/// What <c>/metrics</c> and <c>/api/v1/balances</c> answer, rendered from the monitor's readings once per change of them and
/// served from memory until the next: a scrape never reaches a provider, and costs the same whatever the scrape rate.
/// </summary>
/// <param name="monitor">The monitor.</param>
/// <param name="runways">The latest runways, when the readings are recorded.</param>
internal sealed class ServedDocuments(IBalanceMonitor monitor, LatestRunways? runways)
{
    /// <summary>When each account's balance was last read.</summary>
    public static readonly MetricFamily LastSuccess = new(
        "balances_last_success_timestamp_seconds",
        "When the account's balance was last read, as Unix time in seconds; absent until it is.");

    private static readonly Runways NoRunways = new Dictionary<(string Provider, string Account), BalanceRunway>();
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private Rendered? _rendered;

    /// <summary>The families of <c>/metrics</c>, in the order they are written.</summary>
    public static IReadOnlyList<MetricFamily> Families { get; } = [.. BalanceMetrics.CheckFamilies, LastSuccess];

    /// <summary>The Prometheus text of the latest readings.</summary>
    public byte[] Metrics => Current().Metrics;

    /// <summary>The JSON document of the latest readings.</summary>
    public byte[] Json => Current().Json;

    private Rendered Current()
    {
        var readings = monitor.Readings;
        var known = runways?.All ?? NoRunways;
        var rendered = Volatile.Read(ref _rendered);
        if (rendered is null || !ReferenceEquals(rendered.Readings, readings) || !ReferenceEquals(rendered.Runways, known))
        {
            rendered = new Rendered(readings, known, RenderMetrics(readings, known), RenderJson(readings, known));
            Volatile.Write(ref _rendered, rendered);
        }

        return rendered;
    }

    private static byte[] RenderMetrics(IReadOnlyList<BalanceReading> readings, Runways runways)
    {
        var samples = Families.ToDictionary(family => family, _ => new StringBuilder());
        foreach (var reading in readings)
        {
            var amounts = reading.LastGood?.Amounts ?? [];
            foreach (var (family, line) in BalanceMetrics.SamplesOf(reading.Latest, amounts, RunwayOf(runways, reading)))
            {
                samples[family].Append(line);
            }

            if (reading.LastSuccessAt is { } at)
            {
                var seconds = (at.ToUnixTimeMilliseconds() / 1000m).ToString("0.###", CultureInfo.InvariantCulture);
                samples[LastSuccess].Append(LastSuccess.Sample(BalanceMetrics.AccountLabels(reading.Provider, reading.Account), seconds));
            }
        }

        var text = new StringBuilder();
        foreach (var family in Families)
        {
            text.Append(family.Header).Append(samples[family]);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] RenderJson(IReadOnlyList<BalanceReading> readings, Runways runways)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            foreach (var reading in readings)
            {
                ResultJson.Write(writer, reading, RunwayOf(runways, reading));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static BalanceRunway? RunwayOf(Runways runways, BalanceReading reading) =>
        runways.GetValueOrDefault((reading.Provider, reading.Account));

    private sealed record Rendered(IReadOnlyList<BalanceReading> Readings, Runways Runways, byte[] Metrics, byte[] Json);
}
