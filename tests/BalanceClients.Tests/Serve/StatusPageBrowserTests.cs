using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.AspNetCore;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// The status page in a real browser: <c>balances serve</c> (as a process) over the fake providers, with a store holding 20 days
/// of a known series of each account (imported with <c>history --import</c>), one account with a hostile name, and a token the
/// browser sends by basic authentication; headless Chromium loads <c>/</c>, and the DOM it builds is checked.
/// </summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed partial class StatusPageBrowserTests : IDisposable
{
    private const string Hostile = "<b>hostile</b>";
    private const string Token = "browser-token";
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [FactWhenInstalled(HeadlessChromium.Executable, "chromium")]
    public async Task Chromium_LoadsThePage_WithEveryAccountItsRunwayAndChart_AndAHostileNameAsText()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var environment = new Dictionary<string, string?>(fakes.Environment)
        {
            ["BALANCES_STORE"] = _folder.File(),
            [$"Balances__Providers__telnyx__Accounts__{Hostile}__ApiKey"] = fakes.Environment["TELNYX_API_KEY"],
        };
        var accounts = await ImportSeriesAsync(environment);
        await File.WriteAllTextAsync(_folder.File("token"), Token);
        await using var serve = await WatchedServe.StartAsync(
            environment,
            ["--listen", "127.0.0.1:0", "--token-file", _folder.File("token"), "--min", "undrctrl=2000", "--warn", "telnyx=500"]);
        using (var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = Bounded.Limit })
        {
            await WatchedServe.WaitUntilReadyAsync(http);
        }

        var url = new UriBuilder(serve.BaseUrl) { UserName = "browser", Password = Token, Path = "/" }.Uri;

        var dom = await HeadlessChromium.DumpDomAsync(url);
        var screenshot = Path.Combine(AppContext.BaseDirectory, "status-page.png");
        var shot = await HeadlessChromium.ScreenshotAsync(url, screenshot);

        Assert.True(dom.ExitCode == 0, dom.ToString());
        var names = Names().Matches(dom.Out).Select(match => match.Groups["name"].Value).ToList();
        Assert.Equal(accounts.Count, names.Count);
        Assert.All(accounts, account => Assert.Contains(account.Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal), names));
        Assert.DoesNotContain(Hostile, dom.Out, StringComparison.Ordinal);
        Assert.Equal(accounts.Count, StatusPageEndpointTests.Count(dom.Out, "<svg class=\"chart\""));
        Assert.Equal(accounts.Count, StatusPageEndpointTests.Count(dom.Out, "<path class=\"series\" d=\"M"));
        Assert.Equal(1, StatusPageEndpointTests.Count(dom.Out, "<line class=\"threshold critical\""));
        Assert.Equal(2, StatusPageEndpointTests.Count(dom.Out, "<line class=\"threshold warning\""));
        Assert.Contains("runs out in ", dom.Out, StringComparison.Ordinal);
        Assert.Contains("<line class=\"projection\"", dom.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Refused to", dom.Error, StringComparison.Ordinal);
        Assert.True(shot.ExitCode == 0 && new FileInfo(screenshot).Length > 10_000, shot.ToString());
        Assert.DoesNotContain(Token, serve.Output, StringComparison.Ordinal);
    }

    // 20 days of each account's primary amount every 6 hours, spending a tenth of today's amount a day down to it.
    private async Task<List<string>> ImportSeriesAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var check = await CliRun.InProcessAsync(environment, false, "check", "--format", "json", "--no-store");
        using var document = JsonDocument.Parse(check.Out);
        var csv = new StringBuilder("time,provider,account,kind,currency,amount\n");
        var now = DateTimeOffset.UtcNow;
        var accounts = new List<string>();
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            var (provider, account) = (result.GetProperty("provider").GetString()!, result.GetProperty("account").GetString()!);
            accounts.Add($"{provider} / {account}");
            var primary = result.GetProperty("balances").EnumerateArray().First(amount => amount.GetProperty("primary").GetBoolean());
            var amount = decimal.Parse(primary.GetProperty("amount").GetRawText(), CultureInfo.InvariantCulture);
            for (var hours = 20 * 24; hours > 0; hours -= 6)
            {
                var then = Math.Round(amount + (Math.Max(amount, 1m) / 10m * hours / 24m), 2);
                csv.Append(CultureInfo.InvariantCulture, $"{now.AddHours(-hours).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{provider},")
                    .Append(CultureInfo.InvariantCulture, $"\"{account}\",{primary.GetProperty("kind").GetString()},")
                    .Append(CultureInfo.InvariantCulture, $"{primary.GetProperty("currency").GetString()},{then}\n");
            }
        }

        await File.WriteAllTextAsync(_folder.File("series.csv"), csv.ToString());
        var import = await CliRun.InProcessAsync(environment, false, "history", "--import", _folder.File("series.csv"));
        Assert.True(import.ExitCode == 0, import.Error);
        return accounts;
    }

    [GeneratedRegex("<span class=\"name\">(?<name>[^<]*)</span>")]
    private static partial Regex Names();
}
