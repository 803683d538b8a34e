using System.Globalization;
using System.Text;

namespace BalanceClients.AspNetCore.StatusPage;

/// <summary>
/// An account's chart on the status page, as inline SVG: its primary amount over the charted days, its warning and critical
/// thresholds as lines across, and its runway's projection to zero as a dashed line from the latest point. Styled by the page's
/// classes only (no <c>style</c> attribute, which the page's Content-Security-Policy would refuse).
/// </summary>
internal static class StatusPageChart
{
    private const double Width = 320;
    private const double Height = 96;
    private const double Top = 6;
    private const double Bottom = 82;

    /// <summary>Writes the chart of an account.</summary>
    /// <param name="html">Where the page is written.</param>
    /// <param name="account">The account.</param>
    /// <param name="now">The right end of the recorded part of the chart.</param>
    /// <param name="label">The chart's accessible name, HTML-escaped.</param>
    public static void Write(StringBuilder html, StatusPageAccount account, DateTimeOffset now, string label)
    {
        var start = now - StatusPageModel.Charted;
        var emptyAt = account.Runway?.EmptyAt;
        var end = emptyAt is { } empty && empty > now ? Min(empty, now + StatusPageModel.Charted) : now;
        var amounts = account.Series.Select(point => point.Amount)
            .Concat(new[] { account.Warning, account.Critical }.OfType<decimal>()).Append(0m).ToList();
        var (low, high) = ((double)amounts.Min(), (double)amounts.Max());
        high = high > low ? high + ((high - low) * 0.1) : low + 1;
        double X(DateTimeOffset time) => Width * (time - start).TotalSeconds / (end - start).TotalSeconds;
        double Y(decimal amount) => Bottom - ((Bottom - Top) * ((double)amount - low) / (high - low));

        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\"")
            .Append(CultureInfo.InvariantCulture, $" aria-label=\"{label}\"><title>{label}</title>\n");
        Line(html, "zero", 0, Y(0), Width, Y(0), null);
        Threshold(html, "warning", account.Warning, account.Primary?.Currency, Y);
        Threshold(html, "critical", account.Critical, account.Primary?.Currency, Y);
        if (account.Series.Count > 0)
        {
            html.Append("<path class=\"series\" d=\"");
            var command = 'M';
            foreach (var point in account.Series)
            {
                html.Append(CultureInfo.InvariantCulture, $"{command}{Number(X(point.Time))} {Number(Y(point.Amount))}");
                command = 'L';
            }

            var last = account.Series[^1];
            html.Append(CultureInfo.InvariantCulture, $"\"/>\n<circle class=\"latest\" cx=\"{Number(X(last.Time))}\" ")
                .Append(CultureInfo.InvariantCulture, $"cy=\"{Number(Y(last.Amount))}\" r=\"2.5\"/>\n");
            if (emptyAt is { } zeroAt && account.Runway is { } runway && zeroAt > last.Time)
            {
                // Cut where the chart ends: the amount the projection has reached there.
                var cut = Min(zeroAt, end);
                var reached = last.Amount - (runway.BurnPerDay * (decimal)(cut - last.Time).TotalDays);
                var title = $"projected to zero at {Time(zeroAt)}";
                Line(html, "projection", X(last.Time), Y(last.Amount), X(cut), Y(Math.Max(reached, 0)), title);
            }
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"empty\" x=\"{Width / 2}\" y=\"{Height / 2}\">")
                .Append("no recorded readings</text>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"0\" y=\"{Height - 2}\">{StatusPageText.Day(start)}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text class=\"axis now\" x=\"{Number(X(now))}\" y=\"{Height - 2}\">now</text>\n")
            .Append("</svg>\n");
    }

    private static void Threshold(StringBuilder html, string level, decimal? amount, string? currency, Func<decimal, double> y)
    {
        if (amount is { } at)
        {
            var title = $"{level} at {at.ToString(CultureInfo.InvariantCulture)} {StatusPageText.Escape(currency ?? string.Empty)}";
            Line(html, $"threshold {level}", 0, y(at), Width, y(at), title.TrimEnd());
        }
    }

    private static void Line(StringBuilder html, string classes, double x1, double y1, double x2, double y2, string? title)
    {
        html.Append(CultureInfo.InvariantCulture, $"<line class=\"{classes}\" x1=\"{Number(x1)}\" y1=\"{Number(y1)}\" ")
            .Append(CultureInfo.InvariantCulture, $"x2=\"{Number(x2)}\" y2=\"{Number(y2)}\"")
            .Append(title is null ? "/>\n" : $"><title>{title}</title></line>\n");
    }

    private static DateTimeOffset Min(DateTimeOffset x, DateTimeOffset y) => x < y ? x : y;

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => StatusPageText.Time(time);
}
