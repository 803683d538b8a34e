using System.IO.Compression;
using BalanceClients.AspNetCore.StatusPage;
using BalanceClients.Health;
using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Notifications;
using BalanceClients.Output;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BalanceClients.AspNetCore;

/// <summary>
/// The endpoints of <c>balances serve</c> and their answers, read from the monitor's latest readings and never from a provider.
/// Each endpoint is one line of <see cref="Map(IEndpointRouteBuilder, BalanceEndpointOptions)"/>: its path and the delegate that
/// answers it (for <c>GET</c> and <c>HEAD</c>).
/// </summary>
internal sealed class BalanceEndpoints
{
    private const string PrometheusText = "text/plain; version=0.0.4; charset=utf-8";
    private const string Json = "application/json; charset=utf-8";
    private const string PlainText = "text/plain; charset=utf-8";
    private const string Html = "text/html; charset=utf-8";
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];
    private static readonly byte[] Alive = "ok\n"u8.ToArray();
    private static readonly byte[] Ready = "ready\n"u8.ToArray();
    private static readonly byte[] NotReady = "not every account is checked yet\n"u8.ToArray();

    private readonly IBalanceMonitor _monitor;
    private readonly BalanceDocuments _documents;
    private readonly BalancesHealthCheck _health;
    private readonly WebhookNotifier? _notifier;
    private readonly StatusPageSource _page;

    private BalanceEndpoints(IServiceProvider services)
    {
        _monitor = services.GetService<IBalanceMonitor>() ?? throw new InvalidOperationException(
            "MapBalanceEndpoints() needs the balance monitor: call builder.Services.AddBalanceMonitor(...) first.");
        var checker = services.GetRequiredService<IBalanceChecker>();
        var runways = services.GetService<LatestRunways>();
        _documents = new BalanceDocuments(
            _monitor,
            checker,
            services.GetRequiredService<IOptionsMonitor<BalanceMonitorOptions>>(),
            runways,
            services.GetService<IMonitorLeadership>() ?? SoleLeadership.Instance);
        _health = new BalancesHealthCheck(_monitor, () => checker.Thresholds, runways);
        _notifier = services.GetService<WebhookNotifier>();
        _page = new StatusPageSource(services.GetService<BalanceHistory>(), services.GetService<TimeProvider>() ?? TimeProvider.System);
    }

    /// <summary>Maps every endpoint into a group.</summary>
    /// <param name="group">The group the endpoints are mapped into.</param>
    /// <param name="options">The options: the token every endpoint but the probes requires.</param>
    public static void Map(IEndpointRouteBuilder group, BalanceEndpointOptions options)
    {
        var endpoints = new BalanceEndpoints(group.ServiceProvider);
        var token = EndpointToken.Of(options);
        RequestDelegate Guarded(RequestDelegate answer) => token is null ? answer : token.Guard(answer);
        Map(group, "/", Guarded(endpoints.PageAsync));
        Map(group, "/metrics", Guarded(endpoints.MetricsAsync));
        Map(group, "/api/v1/balances", Guarded(endpoints.BalancesAsync));
        Map(group, "/healthz", endpoints.AliveAsync);
        Map(group, "/readyz", endpoints.ReadyAsync);
        Map(group, "/health", Guarded(endpoints.HealthAsync));
    }

    private static void Map(IEndpointRouteBuilder group, string path, RequestDelegate answer) =>
        group.MapMethods(path, Methods, answer);

    // The webhooks' families (zeros in an application without AddBalanceNotifications) and the process families are measured for
    // each scrape and follow the rendered ones; compressed, they are a second gzip member.
    private Task MetricsAsync(HttpContext context)
    {
        var rendered = _documents.Current();
        byte[] process =
        [
            .. WebhookExposition.Render(_notifier?.Delivered ?? 0, _notifier?.Failed ?? 0, _notifier?.Pending ?? 0),
            .. ProcessMetrics.Render(),
        ];
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (!AcceptsGzip(context.Request))
        {
            return WriteAsync(context, StatusCodes.Status200OK, PrometheusText, rendered.Metrics, process);
        }

        context.Response.Headers.ContentEncoding = "gzip";
        return WriteAsync(
            context,
            StatusCodes.Status200OK,
            PrometheusText,
            rendered.MetricsGzip,
            BalanceDocuments.Gzip(process, CompressionLevel.Fastest));
    }

    // Rendered once per change of the readings, on the first request after it; its links are under the path it is served at.
    private async Task PageAsync(HttpContext context)
    {
        var links = StatusPageText.Escape((context.Request.PathBase + context.Request.Path).Value?.TrimEnd('/') ?? string.Empty);
        var rendered = _documents.Current();
        var page = await rendered.Page(links, () => _page.RenderAsync(rendered, links, _monitor.IsReady)).ConfigureAwait(false);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = StatusPageHtml.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (!AcceptsGzip(context.Request))
        {
            await WriteAsync(context, StatusCodes.Status200OK, Html, page.Html).ConfigureAwait(false);
            return;
        }

        headers.ContentEncoding = "gzip";
        await WriteAsync(context, StatusCodes.Status200OK, Html, page.Gzip).ConfigureAwait(false);
    }

    private Task BalancesAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status200OK, Json, _documents.Current().Json);

    private Task AliveAsync(HttpContext context) => WriteAsync(context, StatusCodes.Status200OK, PlainText, Alive);

    private Task ReadyAsync(HttpContext context) =>
        _monitor.IsReady
            ? WriteAsync(context, StatusCodes.Status200OK, PlainText, Ready)
            : WriteAsync(context, StatusCodes.Status503ServiceUnavailable, PlainText, NotReady);

    // As ASP.NET Core's health check middleware answers (its status codes, its uncached plain text), with a critical or failing
    // account Unhealthy whatever the application's own registrations of AddBalances() say.
    private async Task HealthAsync(HttpContext context)
    {
        var registration = new HealthCheckRegistration("balances", _health, HealthStatus.Unhealthy, tags: null);
        var result = await _health.CheckHealthAsync(new HealthCheckContext { Registration = registration }, context.RequestAborted)
            .ConfigureAwait(false);
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store, no-cache";
        headers.Pragma = "no-cache";
        headers.Expires = "Thu, 01 Jan 1970 00:00:00 GMT";
        var status = result.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        await WriteAsync(context, status, "text/plain", System.Text.Encoding.UTF8.GetBytes(result.Status.ToString())).ConfigureAwait(false);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var encodings)
        && encodings.Any(encoding =>
            encoding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && encoding.Quality is not <= 0);

    private static async Task WriteAsync(HttpContext context, int status, string contentType, byte[] body, byte[]? more = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length + (more?.Length ?? 0);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        if (more is not null)
        {
            await context.Response.Body.WriteAsync(more, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
