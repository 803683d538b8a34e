using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// A real Prometheus server (Debian's <c>prometheus</c>) on 127.0.0.1, scraping one target every second with rule files loaded and
/// evaluated every second, its configuration and storage in a temporary folder that goes on dispose. It binds port 0 and says in its
/// log which port it got, so no port is picked and released first; it ends with the test process, as any
/// <see cref="ServerProcess"/>.
/// </summary>
internal sealed partial class PrometheusServer : IAsyncDisposable
{
    /// <summary>Its executable, as Debian's <c>prometheus</c> package installs it.</summary>
    public const string Executable = "/usr/bin/prometheus";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly ServerProcess _server;
    private readonly DirectoryInfo _folder;
    private readonly HttpClient _http;

    private PrometheusServer(ServerProcess server, DirectoryInfo folder)
    {
        _server = server;
        _folder = folder;
        _http = new HttpClient { BaseAddress = server.BaseUrl };
    }

    /// <summary>Its log so far.</summary>
    public string Output => _server.Output;

    /// <summary>Starts Prometheus scraping <paramref name="target"/> (job <c>balances</c>) with the rule files, once it listens.</summary>
    /// <exception cref="InvalidOperationException">It exited or did not listen in time; the message has its log.</exception>
    public static Task<PrometheusServer> StartAsync(Uri target, params IEnumerable<string> ruleFiles) =>
        StartAsync(target, token: null, ruleFiles);

    /// <summary>
    /// Starts Prometheus scraping <paramref name="target"/> with <paramref name="token"/> (when given) sent from a credentials file
    /// of its own folder, as <c>deploy/prometheus/prometheus.yml</c> shows (<c>authorization.credentials_file</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">It exited or did not listen in time; the message has its log.</exception>
    public static async Task<PrometheusServer> StartAsync(Uri target, string? token, IEnumerable<string> ruleFiles)
    {
        var folder = Directory.CreateTempSubdirectory("balances-prometheus-test-");
        try
        {
            var configuration = Path.Combine(folder.FullName, "prometheus.yml");
            string? credentials = null;
            if (token is not null)
            {
                credentials = Path.Combine(folder.FullName, "balances.token");
                await File.WriteAllTextAsync(credentials, token + "\n");
            }

            await File.WriteAllTextAsync(configuration, Configuration(target, ruleFiles, credentials));
            var start = new ProcessStartInfo(Executable)
            {
                ArgumentList =
                {
                    "--config.file=" + configuration,
                    "--storage.tsdb.path=" + Path.Combine(folder.FullName, "data"),
                    "--web.listen-address=127.0.0.1:0",
                    "--log.level=info",
                },
            };
            var server = await ServerProcess.StartAsync("prometheus", start, Listening());
            if (server.BaseUrl.Port == 0)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"This Prometheus does not log the port it bound:\n{server.Output}");
            }

            return new PrometheusServer(server, folder);
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Asks the HTTP API for <paramref name="pathAndQuery"/> every 200 ms until the <c>data</c> of an answer satisfies
    /// <paramref name="found"/>, and returns that <c>data</c>.
    /// </summary>
    /// <exception cref="TimeoutException">
    /// <paramref name="cancellationToken"/> ended the wait; the message has the last answer and the log.
    /// </exception>
    public async Task<JsonElement> WaitForAsync(
        string pathAndQuery, Func<JsonElement, bool> found, string what, CancellationToken cancellationToken)
    {
        var last = "none";
        try
        {
            while (true)
            {
                try
                {
                    using var response = await _http.GetAsync(pathAndQuery, cancellationToken);
                    last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                    if (response.IsSuccessStatusCode)
                    {
                        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                        var data = document.RootElement.GetProperty("data");
                        if (found(data))
                        {
                            return data.Clone();
                        }
                    }
                }
                catch (HttpRequestException exception)
                {
                    last = exception.Message;
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Prometheus never answered {pathAndQuery} with {what}. Its last answer: {last}\nIts log:\n{Output}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private static string Configuration(Uri target, IEnumerable<string> ruleFiles, string? credentials) =>
        $"""
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        rule_files: [{string.Join(", ", ruleFiles.Select(Quoted))}]
        scrape_configs:
          - job_name: balances
            static_configs:
              - targets: [{Quoted(target.Authority)}]
        """ + (credentials is null ? string.Empty : $"""

            authorization:
              credentials_file: {Quoted(credentials)}
        """);

    private static string Quoted(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    [GeneratedRegex("""msg="Listening on" address=(?<address>\S+)""")]
    private static partial Regex Listening();
}
