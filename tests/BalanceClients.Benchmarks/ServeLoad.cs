using System.Diagnostics;
using System.Globalization;

namespace BalanceClients.Benchmarks;

/// <summary>
/// A bounded, fixed-rate load on one URL of a running <c>balances serve</c> (serve.sh): requests start on a fixed schedule
/// whether or not the previous ones have answered (so a slow answer delays none of the next and is not hidden), each is timed
/// from when it is sent to the end of its body, and the run prints one Markdown row: requests, p50, p99, max, and how late the
/// client's own timer sent them (p50), which a latency timed from the schedule would add to every request. With
/// <c>gzip</c>, every request asks for a gzip body (<c>Accept-Encoding: gzip</c>, as Prometheus sends) and the row says so;
/// the body is read as it comes, not decompressed, as a scraper's network would carry it.
/// </summary>
internal static class ServeLoad
{
    public static async Task RunAsync(Uri url, int perSecond, int seconds, bool gzip)
    {
        // Under serve's limit of 32 connections from one address: a connection over it is closed at once.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 30 }) { Timeout = TimeSpan.FromSeconds(10) };
        if (gzip)
        {
            http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");
        }

        // Warm-up: connections, and the server's first rendering of the document.
        for (var i = 0; i < 200; i++)
        {
            await GetAsync(http, url);
        }

        var total = perSecond * seconds;
        var period = TimeSpan.FromSeconds(1.0 / perSecond);
        var clock = Stopwatch.StartNew();
        var requests = new List<Task<(TimeSpan Latency, TimeSpan Late)>>(total);
        for (var i = 0; i < total; i++)
        {
            var scheduled = period * i;
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            requests.Add(TimedAsync(http, url, clock, scheduled));
        }

        var timings = await Task.WhenAll(requests);
        var latencies = timings.Select(t => t.Latency.TotalMilliseconds).Order().ToArray();
        var late = timings.Select(t => t.Late.TotalMilliseconds).Order().ToArray();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {url.AbsolutePath}{(gzip ? " (gzip)" : string.Empty)} | {perSecond}/s for {seconds} s | {latencies.Length} "
            + $"| {Percentile(latencies, 0.50):F3} ms "
            + $"| {Percentile(latencies, 0.99):F3} ms | {latencies[^1]:F3} ms | {Percentile(late, 0.50):F3} ms |"));
    }

    private static async Task<(TimeSpan Latency, TimeSpan Late)> TimedAsync(HttpClient http, Uri url, Stopwatch clock, TimeSpan scheduled)
    {
        var sent = clock.Elapsed;
        await GetAsync(http, url);
        return (clock.Elapsed - sent, sent - scheduled);
    }

    private static async Task GetAsync(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        await response.Content.CopyToAsync(Stream.Null);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
