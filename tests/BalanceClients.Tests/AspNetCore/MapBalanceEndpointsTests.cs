using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using BalanceClients.Configuration;
using BalanceClients.Tests.Serve;
using BalanceClients.Tests.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.AspNetCore;

/// <summary>
/// <c>MapBalanceEndpoints()</c> in an application that is not <c>balances serve</c>: the same answers, byte for byte, from a
/// monitor of the same fakes on the same clock.
/// </summary>
public sealed class MapBalanceEndpointsTests
{
    private static readonly string[] Paths = ["/", "/metrics", "/api/v1/balances", "/healthz", "/readyz", "/health"];

    [Fact]
    public async Task MapBalanceEndpoints_InAnotherApplication_AnswersWhatServeAnswers_ByteForByte()
    {
        await using var serve = await ServeHarness.StartAsync(["--min", "undrctrl=2000", "--warn", "telnyx=500"]);
        await using var embedded = await EmbeddingApp.StartAsync(serve.Fakes, serve.Time, builder =>
            builder.Services.Configure<BalanceCheckerOptions>(options =>
            {
                options.Thresholds.Add(new BalanceThreshold { Provider = "undrctrl", Critical = 2000 });
                options.Thresholds.Add(new BalanceThreshold { Provider = "telnyx", Warning = 500 });
            }));

        var before = await Task.WhenAll(Paths.Select(path => Answers(serve.Http, embedded.Http, path)));
        await AdvanceBothAsync(serve, embedded, TimeSpan.FromSeconds(10));
        var after = await Task.WhenAll(Paths.Select(path => Answers(serve.Http, embedded.Http, path)));

        Assert.All(before.Concat(after), pair => Assert.Equal(pair.Serve, pair.Embedded));
        Assert.Contains(after, pair => pair.Serve.Body.Contains("\"provider\":\"undrctrl\"", StringComparison.Ordinal));
        Assert.Equal("the application's own endpoint", await embedded.Http.GetStringAsync("/hello"));
    }

    [Fact]
    public async Task Metrics_AskedForGzip_IsGzipOfThePlainText()
    {
        await using var serve = await ServeHarness.StartAsync();
        await serve.CheckEveryAccountAsync();
        using var plain = await serve.Http.GetAsync("/metrics");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await serve.Http.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(compressed.Length, response.Content.Headers.ContentLength);
        Assert.Equal(WithoutProcessFamilies(await plain.Content.ReadAsStringAsync()), WithoutProcessFamilies(Gunzip(compressed)));
        Assert.Contains("# TYPE process_cpu_seconds_total counter\n", Gunzip(compressed), StringComparison.Ordinal);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("gzip;q=0")]
    [InlineData("br")]
    [InlineData("identity")]
    public async Task Metrics_GzipNotAccepted_IsPlainText(string acceptEncoding)
    {
        await using var serve = await ServeHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        using var response = await serve.Http.SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.StartsWith("# HELP balances_amount ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_IsAnsweredWhereverGetIs_WithoutABody()
    {
        await using var serve = await ServeHarness.StartAsync();
        await serve.CheckEveryAccountAsync();

        foreach (var path in Paths)
        {
            using var get = await serve.Http.GetAsync(path);
            using var head = await serve.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Equal(get.StatusCode, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Health_OfTheEmbedderDefault_IsDegradedForACriticalBalance_WhileTheEndpointsHealthIsUnhealthy()
    {
        await using var serve = await ServeHarness.StartAsync();
        await using var embedded = await EmbeddingApp.StartAsync(serve.Fakes, serve.Time, builder =>
        {
            builder.Services.Configure<BalanceCheckerOptions>(options =>
                options.Thresholds.Add(new BalanceThreshold { Provider = "undrctrl", Critical = 2000 }));
            builder.Services.AddHealthChecks().AddBalances();
            builder.Services.AddHealthChecks()
                .AddBalances("balances-paging", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy);
        });
        await AdvanceBothAsync(serve, embedded, TimeSpan.FromSeconds(10));
        var service = embedded.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>();

        var report = await service.CheckHealthAsync();
        using var endpoint = await embedded.Http.GetAsync("/health");

        Assert.Equal("Degraded", report.Entries["balances"].Status.ToString());
        Assert.Equal("Unhealthy", report.Entries["balances-paging"].Status.ToString());
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (endpoint.StatusCode, await endpoint.Content.ReadAsStringAsync()));
    }

    [Fact]
    public void MapBalanceEndpoints_WithoutTheMonitor_SaysWhatToRegister()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var app = builder.Build();

        var exception = Assert.Throws<InvalidOperationException>(() => app.MapBalanceEndpoints());

        Assert.Contains("AddBalanceMonitor", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapBalanceEndpoints_WithAToken_GuardsEveryEndpointButTheProbes()
    {
        await using var serve = await ServeHarness.StartAsync();
        await using var embedded = await EmbeddingApp.StartAsync(
            serve.Fakes, serve.Time, endpoints: options => options.Token = "embedded-token");

        foreach (var path in Paths)
        {
            using var anonymous = await embedded.Http.GetAsync(path);
            using var request = new HttpRequestMessage(HttpMethod.Get, path)
            {
                Headers = { Authorization = new("Bearer", "embedded-token") },
            };
            using var presented = await embedded.Http.SendAsync(request);

            var probe = path is "/healthz" or "/readyz";
            Assert.Equal(probe, anonymous.StatusCode != HttpStatusCode.Unauthorized);
            Assert.NotEqual(HttpStatusCode.Unauthorized, presented.StatusCode);
        }

        Assert.Equal("the application's own endpoint", await embedded.Http.GetStringAsync("/hello"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n")]
    public void MapBalanceEndpoints_WithABlankToken_IsRefused(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddBalanceMonitor(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var app = builder.Build();

        var exception = Assert.Throws<ArgumentException>(() => app.MapBalanceEndpoints(options => options.Token = token));

        Assert.StartsWith("BalanceEndpointOptions.Token is blank", exception.Message, StringComparison.Ordinal);
    }

    internal static async Task AdvanceBothAsync(ServeHarness serve, EmbeddingApp embedded, TimeSpan by)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += TimeSpan.FromSeconds(1))
        {
            serve.Time.Advance(TimeSpan.FromSeconds(1));
            await serve.Monitor.WhenIdleAsync().WithinLimit("serve's monitor to be idle");
            await embedded.Monitor.WhenIdleAsync().WithinLimit("the embedded monitor to be idle");
        }
    }

    internal static string WithoutProcessFamilies(string metrics) =>
        string.Concat(metrics.Split('\n')
            .Where(line => !line.Contains(" process_", StringComparison.Ordinal) && !line.StartsWith("process_", StringComparison.Ordinal))
            .Select(line => line + "\n"));

    private static string Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }

    private static async Task<(Answer Serve, Answer Embedded)> Answers(HttpClient serve, HttpClient embedded, string path) =>
        (await Answer.Of(serve, path), await Answer.Of(embedded, path));

    private sealed record Answer(string Path, int Status, string? ContentType, string? CacheControl, string Body)
    {
        public static async Task<Answer> Of(HttpClient http, string path)
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            return new Answer(
                path,
                (int)response.StatusCode,
                response.Content.Headers.ContentType?.ToString(),
                response.Headers.CacheControl?.ToString(),
                path == "/metrics" ? WithoutProcessFamilies(body) : body);
        }
    }
}
