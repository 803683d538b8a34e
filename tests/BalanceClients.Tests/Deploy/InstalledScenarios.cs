using System.Net;
using System.Text.Json;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Deploy;

/// <summary>
/// What every installation of <c>balances</c> does alone, whatever it is: every command, the store included, and HTTPS. The
/// tests of the executable alone in a folder and of the container image run these on theirs.
/// </summary>
internal static class InstalledScenarios
{
    private static readonly Dictionary<string, string?> NoVariables = [];
    private static readonly string[] Providers = ["antgst", "lumenfall", "mesh", "telnyx", "undrctrl"];

    /// <summary><c>check --demo</c> in JSON and in the Prometheus format (which writes temporary files): every provider answers.</summary>
    public static async Task CheckDemoAsync(InstalledBalances balances)
    {
        var json = await balances.RunAsync(NoVariables, "check", "--demo", "--format", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Out);
        var results = document.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Providers, results.Select(result => result.GetProperty("provider").GetString()));
        Assert.All(results, result => Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString()));

        var prometheus = await balances.RunAsync(NoVariables, "check", "--demo", "--format", "prometheus");
        Assert.True(prometheus.ExitCode == 0, prometheus.ToString());
        Assert.Contains("balances_amount{provider=\"undrctrl\"", prometheus.Out, StringComparison.Ordinal);
    }

    /// <summary><c>check --record</c> into a new store, <c>history</c> out of it as CSV, that CSV imported into another store.</summary>
    public static async Task RecordHistoryAndImportAsync(InstalledBalances balances)
    {
        var store = Store(balances, "recorded.db");
        var check = await balances.RunAsync(store, "check", "--demo", "--record");
        Assert.True(check.ExitCode == 0, check.ToString());
        var csv = await balances.RunAsync(store, "history", "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.All(Providers, provider => Assert.Contains($",{provider},default,", csv.Out, StringComparison.Ordinal));

        var backup = balances.Writable("backup.csv");
        await File.WriteAllTextAsync(balances.OnThisMachine(backup), csv.Out);
        var restored = Store(balances, "restored.db");
        var import = await balances.RunAsync(restored, "history", "--import", backup);
        Assert.True(import.ExitCode == 0, import.ToString());
        var again = await balances.RunAsync(restored, "history", "--format", "csv");
        Assert.Equal(csv.Out, again.Out);
    }

    /// <summary><c>serve --demo</c> with a store: ready, answering <c>/metrics</c>, and what it recorded in the store after it.</summary>
    public static async Task ServeAsync(InstalledBalances balances)
    {
        var store = Store(balances, "served.db");
        await using (var serve = await WatchedServe.StartAsync(balances.StartInfo(store, "serve", "--demo", "--listen", "127.0.0.1:0")))
        {
            using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = Bounded.Limit };
            await Bounded.UntilAsync(
                async deadline =>
                {
                    using var ready = await http.GetAsync("/readyz", deadline);
                    return ready.StatusCode == HttpStatusCode.OK;
                },
                "balances serve to be ready");
            var metrics = await http.GetStringAsync("/metrics");
            Assert.Contains("balances_amount{provider=\"undrctrl\"", metrics, StringComparison.Ordinal);
        }

        var history = await balances.RunAsync(store, "history", "--format", "csv");
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Contains(",undrctrl,default,", history.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// A check over HTTPS: refused (<c>network</c>) while the server's authority is trusted nowhere, read once <c>SSL_CERT_FILE</c>
    /// names it; which takes OpenSSL, loaded by the executable from the system.
    /// </summary>
    public static async Task HttpsCheckAsync(InstalledBalances balances)
    {
        using var authority = TestCertificateAuthority.Create();
        await using var telnyx = await HttpsTelnyx.StartAsync(authority);
        var bundle = balances.Writable("test-authority.pem");
        await File.WriteAllTextAsync(balances.OnThisMachine(bundle), authority.AuthorityPem);

        var untrusted = await balances.RunAsync(telnyx.Environment, "check", "--format", "json");
        Assert.True(untrusted.ExitCode == 1, untrusted.ToString());
        Assert.Equal("network", TelnyxResult(untrusted).GetProperty("error").GetProperty("kind").GetString());

        var trusting = telnyx.Environment;
        trusting["SSL_CERT_FILE"] = bundle;
        await HttpsCheckPassesAsync(balances, trusting);
    }

    /// <summary>A check of the HTTPS Telnyx with these variables reads its example's 400.00 USD available.</summary>
    public static async Task HttpsCheckPassesAsync(InstalledBalances balances, IReadOnlyDictionary<string, string?> environment)
    {
        var trusted = await balances.RunAsync(environment, "check", "--format", "json");
        Assert.True(trusted.ExitCode == 0, trusted.ToString());
        var available = Assert.Single(
            TelnyxResult(trusted).GetProperty("balances").EnumerateArray(),
            amount => amount.GetProperty("kind").GetString() == "available_credit");
        Assert.Equal(400.00m, available.GetProperty("amount").GetDecimal());
    }

    private static Dictionary<string, string?> Store(InstalledBalances balances, string name) =>
        new() { ["BALANCES_STORE"] = balances.Writable(name) };

    private static JsonElement TelnyxResult(ToolRun run) =>
        Assert.Single(JsonDocument.Parse(run.Out).RootElement.GetProperty("results").EnumerateArray());
}
