using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using BalanceClients.Diagnostics;
using BalanceClients.FakeProviders;
using BalanceClients.Output;
using BalanceClients.Tests.AspNetCore;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.Diagnostics;

/// <summary>
/// One vocabulary: the <c>BalanceClients</c> meter, exported to Prometheus as OpenTelemetry names instruments there (dots become
/// underscores, the unit <c>s</c> adds <c>_seconds</c>, a unit in braces adds nothing, a counter adds <c>_total</c>), gives the
/// families and labels of <c>/metrics</c>.
/// </summary>
public sealed partial class TelemetryVocabularyTests
{
    [Fact]
    public async Task Meter_ExportedToPrometheus_HasTheSeriesOfMetrics_NameForNameLabelForLabel()
    {
        var time = new ManualTimeProvider();
        await using var fakes = await FakeProviderServer.StartAsync(time, CancellationToken.None);
        fakes["antgst"].Default = FakeResponse.Json(200, """{"msg":"auth secret error!","code":-22}""");
        var series = new HashSet<string>(StringComparer.Ordinal);
        var instruments = new List<string>();
        object? scope = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == scope && instrument.Meter.Name == BalanceTelemetry.Name)
                {
                    lock (instruments)
                    {
                        instruments.Add(PrometheusName(instrument));
                    }

                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Add(series, instrument, tags));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Add(series, instrument, tags));
        listener.SetMeasurementEventCallback<int>((instrument, _, tags, _) => Add(series, instrument, tags));
        await using var app = await EmbeddingApp.StartAsync(fakes, time, beforeStart: services =>
        {
            // Before the monitor's first check: every measurement is heard.
            scope = services.GetRequiredService<IMeterFactory>();
            listener.Start();
        });
        for (var second = 0; second < 10; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await app.Monitor.WhenIdleAsync().WithinLimit("the monitor to be idle");
        }

        listener.RecordObservableInstruments();
        var metrics = await app.Http.GetStringAsync("/metrics");
        foreach (var family in (string[])["balances_amount", "balances_level", "balances_checks_total"])
        {
            Assert.Equal(
                SeriesOf(metrics, family).Order(StringComparer.Ordinal),
                series.Where(s => s.StartsWith(family + "{", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        }

        Assert.Contains("balances_checks_total{account=\"default\",outcome=\"unauthorized\",provider=\"antgst\"}", series);
        Assert.Contains("balances_checks_total{account=\"default\",outcome=\"success\",provider=\"telnyx\"}", series);

        // The meter's own instruments never take a name of /metrics with another type. The schedule's lag is the meter's alone
        // for now (docs/serve.md says so).
        var families = MonitorExposition.Families.Concat(WebhookExposition.Families)
            .Select(family => family.Name)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(
            ["balances_checks_duration_seconds", "balances_retries_total", "balances_schedule_lag_seconds"],
            instruments.Distinct().Where(name => !families.Contains(name)).Order(StringComparer.Ordinal));
        Assert.Contains("balances_leader", instruments);
        Assert.Contains("\nbalances_leader 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Activity_IsInternal_WithTheAccountAndOutcome()
    {
        await using var harness = await CheckerHarness.StartAsync();
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BalanceTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (activities)
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        // Other tests check too, on the same activity source: this test's check is the one in this test's trace.
        using (var test = new Activity("test").Start())
        {
            await harness.CheckAsync("undrctrl");
        }

        // Other tests' checks may still be adding theirs: the list is read under its lock.
        List<Activity> stopped;
        lock (activities)
        {
            stopped = [.. activities];
        }

        var check = Assert.Single(stopped, a => a.Parent?.OperationName == "test" && a.GetTagItem("provider") as string == "undrctrl");
        Assert.Equal(("balances.check", ActivityKind.Internal), (check.OperationName, check.Kind));
        Assert.Equal(("default", "success"), (check.GetTagItem("account"), check.GetTagItem("outcome")));
    }

    // As OpenTelemetry's Prometheus exporter names an instrument.
    private static string PrometheusName(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_');
        name += instrument.Unit == "s" ? "_seconds" : string.Empty;
        var isCounter = instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == typeof(Counter<>);
        return isCounter ? name + "_total" : name;
    }

    private static void Add(HashSet<string> series, Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = string.Join(',', tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}=\"{t.Value}\""));
        lock (series)
        {
            series.Add($"{PrometheusName(instrument)}{{{labels}}}");
        }
    }

    // The series of one family on /metrics, their labels sorted by name as Add writes them.
    private static IEnumerable<string> SeriesOf(string metrics, string family) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith(family + "{", StringComparison.Ordinal))
            .Select(line => Label().Matches(line[(family.Length + 1)..line.LastIndexOf('}')])
                .Select(m => m.Value)
                .Order(StringComparer.Ordinal))
            .Select(labels => $"{family}{{{string.Join(',', labels)}}}");

    [GeneratedRegex(@"[a-z_]+=""(?:[^""\\]|\\.)*""")]
    private static partial Regex Label();
}
