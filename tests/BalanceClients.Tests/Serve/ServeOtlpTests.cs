using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// <c>balances serve</c> with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: its meter and its traces reach an OTLP/HTTP receiver on
/// loopback, read here field by field (OTLP's protobuf messages: metrics.proto, trace.proto, resource.proto).
/// </summary>
public sealed class ServeOtlpTests
{
    private const string Metrics = "/v1/metrics";
    private const string Traces = "/v1/traces";
    private const ulong InternalKind = 1;
    private const ulong ClientKind = 3;

    [Fact]
    public async Task Serve_WithAnOtlpEndpoint_ExportsTheMetersInstrumentsAndTheChecksSpans_OverHttpProtobuf()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Root.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "balances-under-test",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "100",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        };
        await using var serve = await ServeHarness.StartAsync(environment: environment);
        await serve.CheckEveryAccountAsync();

        // The gauges are observed at an export after the readings are published, which may be one export after the counter's.
        string[] expected = ["balances.amount", "balances.level", "balances.checks", "balances.checks.duration"];
        await Bounded.UntilAsync(
            _ => Task.FromResult(expected.All(MetricNames(receiver).Contains) && CheckSpans(receiver).Count() >= 5),
            "the meter's instruments and the checks' spans at the receiver");

        Assert.All(receiver.Exports, export => Assert.Equal("application/x-protobuf", export.ContentType));
        // Any export that holds the counter: the last one may have been sent before the counter's first measurement.
        var checks = receiver.To(Metrics)
            .SelectMany(request => Protobuf.Path(request, 1, 2, 2))
            .First(metric => Protobuf.String(metric, 1) == "balances.checks");
        Assert.Equal("{check}", Protobuf.String(checks, 3));
        var keys = Protobuf.Path(checks, 7, 1, 7).Select(attribute => Protobuf.String(attribute, 1)).ToHashSet();
        Assert.Equal(new HashSet<string?> { "provider", "account", "outcome" }, keys);
        Assert.All(receiver.To(Metrics).Concat(receiver.To(Traces)), request =>
            Assert.Contains("balances-under-test", ResourceAttributes(request, "service.name")));

        var everySpan = receiver.To(Traces).SelectMany(request => Protobuf.Path(request, 1, 2, 2)).ToList();
        var check = CheckSpans(receiver).First();
        Assert.Equal(InternalKind, Protobuf.Number(check, 6));
        Assert.Contains(everySpan, span =>
            Protobuf.Number(span, 6) == ClientKind && Protobuf.Hex(span, 4) == Protobuf.Hex(check, 2));
    }

    private static HashSet<string?> MetricNames(OtlpReceiver receiver) =>
        receiver.To(Metrics)
            .SelectMany(request => Protobuf.Path(request, 1, 2))
            .Where(scope => Protobuf.Path(scope, 1).Any(s => Protobuf.String(s, 1) == "BalanceClients"))
            .SelectMany(scope => Protobuf.Messages(scope, 2))
            .Select(metric => Protobuf.String(metric, 1))
            .ToHashSet();

    private static IEnumerable<ReadOnlyMemory<byte>> CheckSpans(OtlpReceiver receiver) =>
        receiver.To(Traces)
            .SelectMany(request => Protobuf.Path(request, 1, 2, 2))
            .Where(span => Protobuf.String(span, 5) == "balances.check");

    // ResourceMetrics and ResourceSpans both hold their Resource in field 1, its attributes (KeyValue) in field 1.
    private static IEnumerable<string?> ResourceAttributes(ReadOnlyMemory<byte> request, string key) =>
        Protobuf.Path(request, 1, 1, 1)
            .Where(attribute => Protobuf.String(attribute, 1) == key)
            .SelectMany(attribute => Protobuf.Messages(attribute, 2))
            .Select(value => Protobuf.String(value, 1));
}
