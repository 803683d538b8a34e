using System.Globalization;
using System.Text;
using BalanceClients.History;

namespace BalanceClients.Cli.History;

/// <summary>
/// A table for people, one line per series (provider/account, kind, currency): the latest amount, the lowest and the highest over
/// the window, a sparkline of the window and the number of readings. Plain text, columns padded with spaces; it fits 100 columns
/// unless names or amounts are long.
/// </summary>
/// <param name="output">Standard output.</param>
/// <param name="start">Where the window starts (<c>--since</c>); <see langword="null"/> for the oldest reading.</param>
/// <param name="end">Where it ends: now.</param>
internal sealed class TableHistoryReport(TextWriter output, DateTimeOffset? start, DateTimeOffset end) : IHistoryReport
{
    /// <summary>How many slices of time a sparkline has.</summary>
    public const int TrendWidth = 12;

    private const int MaxAccountWidth = 30;
    private const string Gap = "  ";
    private static readonly string[] Headers = ["ACCOUNT", "KIND", "LATEST", "LOWEST", "HIGHEST", "TREND", "COUNT"];
    private static readonly bool[] RightAligned = [false, false, true, true, true, false, true];
    private readonly Dictionary<(string, string, string, string), SeriesSummary> _series = [];
    private DateTimeOffset? _start = start;
    private int _count;

    public ValueTask AddAsync(StoredReading reading, CancellationToken cancellationToken)
    {
        // The readings come oldest first: without --since, the window starts at the first.
        _start ??= reading.Time;
        var key = (reading.Provider, reading.Account, reading.Kind, reading.Currency);
        if (!_series.TryGetValue(key, out var summary))
        {
            _series[key] = summary = new SeriesSummary(reading, TrendWidth);
        }

        summary.Add(reading, SliceOf(reading.Time));
        _count++;
        return ValueTask.CompletedTask;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_count == 0)
        {
            await output.WriteAsync("No readings.\n".AsMemory(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var rows = _series.OrderBy(pair => pair.Key.Item1, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Item2, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Item3, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Item4, StringComparer.Ordinal)
            .Select(pair => Row(pair.Value))
            .Prepend(Headers)
            .ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var column = 0; column < row.Length; column++)
            {
                var padding = new string(' ', widths[column] - row[column].Length);
                text.Append(column == 0 ? string.Empty : Gap).Append(RightAligned[column] ? padding + row[column] : row[column] + padding);
            }

            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"{_count} reading{(_count == 1 ? string.Empty : "s")}; ")
            .Append(CultureInfo.InvariantCulture, $"each trend runs from {_start!.Value.UtcDateTime:yyyy-MM-dd HH:mm} ")
            .Append(CultureInfo.InvariantCulture, $"to {Later(end).UtcDateTime:yyyy-MM-dd HH:mm} UTC, ")
            .Append("oldest on the left.\n");
        await output.WriteAsync(text, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string[] Row(SeriesSummary series)
    {
        var latest = series.Latest;
        var account = CliText.Printable($"{latest.Provider}/{latest.Account}");
        return
        [
            account.Length > MaxAccountWidth ? account[..(MaxAccountWidth - 1)] + "…" : account,
            latest.Kind,
            $"{Amount(latest.Amount)} {latest.Currency}",
            Amount(series.Lowest),
            Amount(series.Highest),
            Sparkline.Draw(series.Slices),
            series.Count.ToString(CultureInfo.InvariantCulture),
        ];
    }

    private static string Amount(decimal? amount) => amount?.ToString(CultureInfo.InvariantCulture) ?? "n/a";

    private DateTimeOffset Later(DateTimeOffset time) => _start > time ? _start.Value : time;

    private int SliceOf(DateTimeOffset time)
    {
        var window = (Later(end) - _start!.Value).Ticks;
        var offset = (time - _start.Value).Ticks;
        return window <= 0 ? TrendWidth - 1 : Math.Clamp((int)((double)offset / window * TrendWidth), 0, TrendWidth - 1);
    }
}
