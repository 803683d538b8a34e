using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <content>The recent window of each series, as the runway reads it: one index range per series.</content>
internal sealed partial class SqliteStore
{
    /// <inheritdoc />
    public Task<SeriesWindows> ReadWindowsAsync(string? provider, string? account, TimeSpan window, CancellationToken cancellationToken) =>
        ReadingAsync(
            ReadingsSchema,
            new SeriesWindows(_timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), []),
            async (connection, now, _) =>
            {
                var from = now - (long)window.TotalMilliseconds;
                var windows = new List<SeriesWindow>();
                foreach (var (id, seriesProvider, seriesAccount, kind, currency)
                    in await SeriesAsync(connection, provider, account, cancellationToken).ConfigureAwait(false))
                {
                    var points = await WindowAsync(connection, id, from, now, cancellationToken).ConfigureAwait(false);
                    windows.Add(new SeriesWindow(seriesProvider, seriesAccount, kind, currency, points));
                }

                return new SeriesWindows(now, windows);
            },
            cancellationToken);

    private static async Task<List<RunwayPoint>> WindowAsync(
        SqliteConnection connection, long series, long from, long now, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT time, amount FROM readings"
            + " WHERE series = $series AND time > $from AND time <= $now AND amount IS NOT NULL ORDER BY time";
        command.Parameters.AddWithValue("$series", series);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$now", now);
        var points = new List<RunwayPoint>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            points.Add(new RunwayPoint(reader.GetInt64(0), AmountOf(reader, 1)!.Value));
        }

        return points;
    }
}
