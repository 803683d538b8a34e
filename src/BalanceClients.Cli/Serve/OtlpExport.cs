using BalanceClients.Diagnostics;
using BalanceClients.Output;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BalanceClients.Cli.Serve;

/// <summary>
/// <c>balances serve</c>'s export of the <c>BalanceClients</c> meter and activity source (and the HTTP client's spans under each
/// check) over OTLP, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. OpenTelemetry's SDK reads every standard <c>OTEL_*</c>
/// variable itself (the protocol, <c>grpc</c> by default or <c>http/protobuf</c>; headers, timeouts, per-signal endpoints, the
/// export interval, the service's name and attributes) from the host's configuration.
/// </summary>
internal static class OtlpExport
{
    private const string Prefix = "OTEL_";
    private const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string ServiceNameVariable = "OTEL_SERVICE_NAME";
    private const string ServiceName = "balances";
    private const string HttpClientSource = "System.Net.Http";

    /// <summary>Adds the export to the host, when the environment asks for it.</summary>
    /// <param name="builder">The host's builder.</param>
    /// <param name="environment">The tool's environment.</param>
    public static void AddTo(WebApplicationBuilder builder, IReadOnlyDictionary<string, string?> environment)
    {
        // The host's configuration holds the process's environment already; the tool's own (which a test hands in) is laid over it.
        builder.Configuration.AddInMemoryCollection(
            environment.Where(variable => variable.Key.StartsWith(Prefix, StringComparison.Ordinal)));
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointVariable]))
        {
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry();
        if (string.IsNullOrWhiteSpace(builder.Configuration[ServiceNameVariable]))
        {
            telemetry.ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: BuildInfo.Version));
        }

        telemetry
            .WithMetrics(metrics => metrics.AddMeter(BalanceTelemetry.Name).AddOtlpExporter())
            .WithTracing(tracing => tracing.AddSource(BalanceTelemetry.Name, HttpClientSource).AddOtlpExporter());
    }
}
