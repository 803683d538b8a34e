using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BalanceClients.AspNetCore.StatusPage;
using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Tests.Testing.Snapshots;

namespace BalanceClients.Tests.AspNetCore;

/// <summary>
/// The status page's HTML from known accounts: the page as a whole (a snapshot), worst first, escaped wherever provider or
/// configured text goes, and styled only by the element its Content-Security-Policy names.
/// </summary>
public sealed partial class StatusPageHtmlTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Render_KnownAccounts_MatchesSnapshot()
    {
        var page = Render(Accounts(), history: true);

        await Verifier.Verify(page, "html");
    }

    [Fact]
    public void Render_Accounts_WorstFirst_ThenShortestRunway_ThenProviderAndAccount()
    {
        var shuffled = Accounts().AsEnumerable().Reverse().ToList();

        var names = AccountNames().Matches(Render(shuffled, history: true)).Select(match => match.Groups["name"].Value);

        Assert.Equal(
            ["undrctrl / default", "telnyx / default", "mesh / default", "antgst / default", "lumenfall / b", "lumenfall / a"],
            names);
    }

    [Fact]
    public void Render_HostileText_IsEscapedEverywhere()
    {
        const string hostile = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";
        var balance = new AccountBalance("telnyx", hostile, [new("available", 5m, hostile, IsPrimary: true)], null, Now);
        var reading = new BalanceReading(new BalanceCheckResult("telnyx", hostile, balance, null, TimeSpan.Zero), balance, Now);
        var runway = new BalanceRunway(3600, Now.AddHours(1), 120m, "available", hostile);
        var account = new StatusPageAccount(reading, balance.Amounts[0], runway, 10m, 2m, [new(Now.AddDays(-1), 8m), new(Now, 5m)]);

        var page = Render([account], history: true, problem: hostile);

        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutAStore_SaysSo_AndDrawsNoChart()
    {
        var page = Render(Accounts().Select(account => account with { Series = [], Runway = null }).ToList(), history: false);

        Assert.Contains("No store: readings are not recorded", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", page, StringComparison.Ordinal);
        Assert.Contains("no runway: readings are not recorded", page, StringComparison.Ordinal);
        Assert.Contains("1000.92 IDR", page, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentSecurityPolicy_AllowsOnlyThePagesOwnStyle_AndNoStyleAttribute()
    {
        var page = Render(Accounts(), history: true);
        var style = StyleElement().Match(page).Groups["css"].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));

        Assert.StartsWith("default-src 'none'; ", StatusPageHtml.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains($"style-src 'sha256-{hash}'", StatusPageHtml.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Single(StyleElement().Matches(page));
        Assert.DoesNotContain(" style=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", page.Replace("http-equiv", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    internal static List<StatusPageAccount> Accounts()
    {
        StatusPageAccount Account(
            string provider, string account, decimal amount, string currency, BalanceLevel level,
            BalanceRunway? runway = null, decimal? warning = null, decimal? critical = null, BalanceError? error = null)
        {
            var balance = new AccountBalance(
                provider, account, [new("available", amount, currency, IsPrimary: true)], null, Now.AddMinutes(-3));
            var result = new BalanceCheckResult(provider, account, error is null ? balance : null, error, TimeSpan.Zero)
            {
                Level = level,
            };
            var series = Enumerable.Range(0, 30).Select(day => new SeriesPoint(Now.AddDays(day - 30), amount + ((30 - day) * 10m)))
                .Append(new SeriesPoint(Now.AddMinutes(-3), amount)).ToList();
            var reading = new BalanceReading(result, balance, Now.AddMinutes(-1));
            return new StatusPageAccount(reading, balance.Amounts[0], runway, warning, critical, series);
        }

        return
        [
            Account("lumenfall", "a", 12.50m, "USD", BalanceLevel.Ok),
            Account("lumenfall", "b", 80m, "USD", BalanceLevel.Ok, Runway(30, 2.5m, "USD")),
            Account("antgst", "default", 40m, "EUR", BalanceLevel.Warning, Runway(8, 5m, "EUR"), 50m),
            Account("mesh", "default", 0m, "USD", BalanceLevel.Unknown),
            Account("telnyx", "default", 600m, "USD", BalanceLevel.Unknown, error: new(BalanceErrorKind.Timeout, 504, null, "no answer")),
            Account("undrctrl", "default", 1000.92m, "IDR", BalanceLevel.Critical,
                Runway(6, 166.82m, "IDR"), 5000m, 2000m),
        ];
    }

    private static BalanceRunway Runway(int days, decimal burnPerDay, string currency) =>
        new(days * 86_400L, Now.AddDays(days), burnPerDay, "available", currency);

    private static string Render(IReadOnlyList<StatusPageAccount> accounts, bool history, string? problem = null) =>
        Encoding.UTF8.GetString(StatusPageHtml.Render(new StatusPageModel(
            accounts.Order(StatusPageAccount.WorstFirst).ToList(),
            Now,
            TimeSpan.FromMinutes(5),
            string.Empty,
            history,
            problem,
            Ready: true)));

    [GeneratedRegex("<span class=\"name\">(?<name>[^<]*)</span>")]
    private static partial Regex AccountNames();

    [GeneratedRegex("<style>(?<css>[^<]*)</style>")]
    private static partial Regex StyleElement();
}
