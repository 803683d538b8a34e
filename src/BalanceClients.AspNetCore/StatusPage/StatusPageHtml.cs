using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BalanceClients.AspNetCore.StatusPage;

/// <summary>
/// The status page as HTML: one self-contained document with no script and nothing from elsewhere, its only style the
/// <c>&lt;style&gt;</c> element that <see cref="ContentSecurityPolicy"/> names by its hash. Every text that comes from a
/// provider, a configuration or the store is escaped (<see cref="StatusPageText.Escape"/>).
/// </summary>
internal static class StatusPageHtml
{
    private const string Style = """
        :root{color-scheme:light dark;--ok:#1a7f37;--warning:#9a6700;--critical:#cf222e;--failing:#8250df;--unknown:#6e7781}
        body{font:15px/1.4 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem}
        h1{font-size:1.4rem;margin:0}header p,nav{margin:.25rem 0;color:#6e7781}nav a{margin-right:1rem}
        .note{border-left:4px solid var(--unknown);padding:.25rem .75rem}
        main{display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(20rem,1fr));margin-top:1rem}
        article{border:1px solid #d0d7de;border-left:6px solid var(--unknown);border-radius:6px;padding:.5rem .75rem}
        article.ok{border-left-color:var(--ok)}article.warning{border-left-color:var(--warning)}
        article.critical{border-left-color:var(--critical)}article.failing{border-left-color:var(--failing)}
        h2{font-size:1rem;margin:0;display:flex;justify-content:space-between;gap:.5rem;overflow-wrap:anywhere}
        .level{color:#fff;border-radius:4px;padding:0 .4rem;font-size:.85rem;background:var(--unknown);white-space:nowrap}
        .level.ok{background:var(--ok)}.level.warning{background:var(--warning)}
        .level.critical{background:var(--critical)}.level.failing{background:var(--failing)}
        .amount{font-size:1.3rem;font-weight:600;margin:.25rem 0;overflow-wrap:anywhere}
        article p{margin:.15rem 0}.detail{color:#6e7781;font-size:.85rem}.error{color:var(--critical);overflow-wrap:anywhere}
        svg.chart{width:100%;height:auto;display:block;margin-top:.25rem}
        .series{fill:none;stroke:#0969da;stroke-width:1.5}.latest{fill:#0969da}.zero{stroke:#8c959f;stroke-width:.5}
        .threshold{stroke-width:1}.threshold.warning{stroke:var(--warning)}.threshold.critical{stroke:var(--critical)}
        .projection{stroke:#0969da;stroke-width:1.2;stroke-dasharray:4 3}
        svg text{font-size:9px;fill:#6e7781}.now{text-anchor:end}.empty{text-anchor:middle}
        """;

    /// <summary>The page's Content-Security-Policy: nothing at all, but its own style element.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Renders the page.</summary>
    /// <param name="model">What it shows.</param>
    /// <returns>The page, UTF-8.</returns>
    public static byte[] Render(StatusPageModel model)
    {
        var html = new StringBuilder(4096 + (model.Accounts.Count * 2048));
        var refresh = Math.Max(1, (int)Math.Ceiling(model.Refresh.TotalSeconds));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"refresh\" content=\"{refresh}\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{Title(model)}</title>\n<style>{Style}</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>Balances</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{model.Accounts.Count} account(s), as of {StatusPageText.Time(model.Now)}; ")
            .Append(CultureInfo.InvariantCulture, $"this page reloads every {refresh} s.</p>\n<nav>")
            .Append(CultureInfo.InvariantCulture, $"<a href=\"{model.Links}/metrics\">/metrics</a>")
            .Append(CultureInfo.InvariantCulture, $"<a href=\"{model.Links}/api/v1/balances\">/api/v1/balances</a>")
            .Append(CultureInfo.InvariantCulture, $"<a href=\"{model.Links}/health\">/health</a></nav>\n</header>\n");
        Notes(html, model);
        html.Append("<main>\n");
        foreach (var account in model.Accounts)
        {
            Account(html, account, model);
        }

        html.Append("</main>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static string Title(StatusPageModel model)
    {
        var counts = model.Accounts.GroupBy(account => account.State).OrderBy(group => group.Key)
            .Where(group => group.Key != AccountState.Ok)
            .Select(group => $"{group.Count()} {Word(group.Key)}").ToList();
        return counts.Count == 0 ? "Balances: all ok" : $"Balances: {string.Join(", ", counts)}";
    }

    private static void Notes(StringBuilder html, StatusPageModel model)
    {
        if (!model.History)
        {
            html.Append("<p class=\"note\">No store: readings are not recorded, so there are no charts and no runways; ")
                .Append("these are the latest readings.</p>\n");
        }
        else if (model.HistoryProblem is { } problem)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">The store could not be read: {StatusPageText.Escape(problem)}")
                .Append("</p>\n");
        }

        if (!model.Ready)
        {
            html.Append("<p class=\"note\">Not every account has been checked yet.</p>\n");
        }
    }

    private static void Account(StringBuilder html, StatusPageAccount account, StatusPageModel model)
    {
        var reading = account.Reading;
        var name = $"{StatusPageText.Escape(reading.Provider)} / {StatusPageText.Escape(reading.Account)}";
        var state = Word(account.State);
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"{state}\">\n<h2><span class=\"name\">{name}</span>")
            .Append(CultureInfo.InvariantCulture, $"<span class=\"level {state}\">{state}</span></h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"amount\">{Amount(account)}</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"runway\">{StatusPageText.Runway(account, model.History)}")
            .Append(account.Runway is { } runway ? $" <span class=\"detail\">({StatusPageText.Burn(runway)})</span>" : string.Empty)
            .Append("</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"detail\">last read {LastRead(reading)}</p>\n");
        if (reading.Latest.Error is { } error)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\">check failing: {error.Kind.ToContractName()}")
                .Append(error.HttpStatus is { } status ? $" (HTTP {status.ToString(CultureInfo.InvariantCulture)})" : string.Empty)
                .Append(CultureInfo.InvariantCulture, $", last tried {StatusPageText.Time(reading.CheckedAt)}</p>\n");
        }

        if (model.History)
        {
            var kind = account.Primary is { } primary ? $" ({StatusPageText.Escape(primary.Kind)})" : string.Empty;
            StatusPageChart.Write(html, account, model.Now, $"{name}{kind} over 30 days");
        }

        html.Append("</article>\n");
    }

    private static string Amount(StatusPageAccount account) => account.Primary switch
    {
        null => "no reading yet",
        { } primary when account.Reading.IsStale => $"{StatusPageText.Amount(primary)} <span class=\"detail\">(stale)</span>",
        { } primary => StatusPageText.Amount(primary),
    };

    private static string LastRead(BalanceClients.Monitoring.BalanceReading reading) =>
        reading.LastSuccessAt is { } at ? StatusPageText.Time(at) : "never";

    private static string Word(AccountState state) => state switch
    {
        AccountState.Critical => "critical",
        AccountState.Failing => "failing",
        AccountState.Unknown => "unknown",
        AccountState.Warning => "warning",
        _ => "ok",
    };
}
