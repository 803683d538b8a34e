using System.Diagnostics;
using System.Text.Json;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Deploy;

/// <summary>
/// The real thing: <c>balances serve --demo</c> scraped every second by a real Prometheus with <c>deploy/prometheus/alerts.yml</c>
/// loaded, as a user deploys them, with a token that Prometheus sends from its credentials file. Both run as processes on ports
/// they bind themselves, and neither outlives the test.
/// </summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class PrometheusEndToEndTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    [FactWhenInstalled(PrometheusServer.Executable)]
    public async Task Prometheus_ScrapingServeWithAMinAboveTheDemoAmount_StoresTheAmountsAndFiresTheCriticalAlert()
    {
        var stopwatch = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(Limit);
        // The demo's Lumenfall account holds 12.50 USD, below a critical threshold of 100.
        // serve requires a token, which Prometheus sends from its credentials file, as deploy/prometheus/prometheus.yml shows.
        using var store = new StoreFolder();
        var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await File.WriteAllTextAsync(store.File("serve.token"), token);
        await using var serve = await WatchedServe.StartAsync(
            new Dictionary<string, string?> { ["BALANCES_STORE"] = store.File() },
            "--demo", "--listen", "127.0.0.1:0", "--interval", "10", "--min", "lumenfall=100", "--token-file", store.File("serve.token"));
        await using var prometheus = await PrometheusServer.StartAsync(serve.BaseUrl, token, [DeployFiles.AlertRules]);
        try
        {
            var amounts = await prometheus.WaitForAsync(
                "/api/v1/query?query=" + Uri.EscapeDataString("""balances_amount{provider="lumenfall",primary="true"}"""),
                data => data.GetProperty("result").GetArrayLength() > 0,
                "Lumenfall's primary amount",
                deadline.Token);
            var alerts = await prometheus.WaitForAsync(
                "/api/v1/alerts", data => Firing(data, "BalanceCritical").Any(), "BalanceCritical firing", deadline.Token);

            var sample = Assert.Single(amounts.GetProperty("result").EnumerateArray());
            Assert.Equal("12.5", sample.GetProperty("value")[1].GetString());
            Assert.Equal("balances", sample.GetProperty("metric").GetProperty("job").GetString());
            var alert = Assert.Single(Firing(alerts, "BalanceCritical"));
            Assert.Equal("lumenfall", alert.GetProperty("labels").GetProperty("provider").GetString());
            Assert.Equal("critical", alert.GetProperty("labels").GetProperty("severity").GetString());
            Assert.Contains(
                "Its primary amount (available) is 12.5 USD.",
                alert.GetProperty("annotations").GetProperty("description").GetString(),
                StringComparison.Ordinal);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}\nbalances serve's output:\n{serve.Output}", exception);
        }

        Assert.True(stopwatch.Elapsed < Limit, $"it took {stopwatch.Elapsed}");
    }

    private static IEnumerable<JsonElement> Firing(JsonElement data, string name) =>
        data.GetProperty("alerts").EnumerateArray().Where(alert =>
            alert.GetProperty("state").GetString() == "firing" && alert.GetProperty("labels").GetProperty("alertname").GetString() == name);
}
