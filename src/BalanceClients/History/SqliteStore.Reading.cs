using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <content>Reading the history back, streamed in time order.</content>
internal sealed partial class SqliteStore
{
    /// <inheritdoc />
    public IAsyncEnumerable<StoredReading> ReadAsync(string? provider, string? account, long since, CancellationToken cancellationToken) =>
        StreamAsync((connection, token) => Merge(connection, provider, account, since, token), cancellationToken);

    // Streams readings from one snapshot; SQLite's failures become BalanceStoreExceptions, and a file read as immutable that another
    // process wrote meanwhile throws after the last reading (what was streamed may be inconsistent).
    private async IAsyncEnumerable<StoredReading> StreamAsync(
        Func<SqliteConnection, CancellationToken, IAsyncEnumerable<StoredReading>> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        StoreSnapshot snapshot;
        try
        {
            snapshot = await OpenSnapshotAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw Translate(exception);
        }

        await using (snapshot.ConfigureAwait(false))
        {
            if (snapshot.Version < ReadingsSchema)
            {
                yield break;
            }

            var readings = read(snapshot.Connection, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (readings.ConfigureAwait(false))
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await readings.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (SqliteException exception)
                    {
                        throw snapshot.Changed ? StoreErrors.Changed(Path) : Translate(exception);
                    }
                    catch (Exception exception) when (StoreErrors.DamagedValue(Path, exception) is { } damaged)
                    {
                        throw snapshot.Changed ? StoreErrors.Changed(Path) : damaged;
                    }

                    if (!more)
                    {
                        break;
                    }

                    yield return readings.Current;
                }
            }

            if (snapshot.Changed)
            {
                throw StoreErrors.Changed(Path);
            }
        }
    }

    private static async IAsyncEnumerable<StoredReading> Merge(
        SqliteConnection connection,
        string? provider,
        string? account,
        long since,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var series = await SeriesAsync(connection, provider, account, cancellationToken).ConfigureAwait(false);
        var cursors = new List<(SqliteCommand Command, SqliteDataReader Reader)>();
        try
        {
            // One cursor per series, each in time order; the queue holds each cursor's current reading, keyed by (time, series order).
            var queue = new PriorityQueue<int, (long Time, int Order)>();
            for (var i = 0; i < series.Count; i++)
            {
                var command = connection.CreateCommand();
                command.CommandText = "SELECT time, amount FROM readings WHERE series = $series AND time >= $since ORDER BY time";
                command.Parameters.AddWithValue("$series", series[i].Id);
                command.Parameters.AddWithValue("$since", since);
                cursors.Add((command, await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false)));
                if (await cursors[i].Reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    queue.Enqueue(i, (cursors[i].Reader.GetInt64(0), i));
                }
            }

            while (queue.TryDequeue(out var i, out var key))
            {
                var (_, reader) = cursors[i];
                var (_, seriesProvider, seriesAccount, kind, currency) = series[i];
                yield return new StoredReading(
                    DateTimeOffset.FromUnixTimeMilliseconds(key.Time), seriesProvider, seriesAccount, kind, currency, AmountOf(reader, 1));
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    queue.Enqueue(i, (reader.GetInt64(0), i));
                }
            }
        }
        finally
        {
            foreach (var (command, reader) in cursors)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<List<(long Id, string Provider, string Account, string Kind, string Currency)>> SeriesAsync(
        SqliteConnection connection, string? provider, string? account, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, provider, account, kind, currency FROM series"
            + SeriesFilter(command, provider, account)
            + " ORDER BY provider COLLATE BINARY, account COLLATE BINARY, kind, currency";
        var series = new List<(long, string, string, string, string)>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            series.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return series;
    }

    // The condition on the series' provider and account (their columns ignore case), with its parameters; empty for every series.
    private static string SeriesFilter(SqliteCommand command, string? provider, string? account)
    {
        var filters = new List<string>();
        if (provider is not null)
        {
            filters.Add("provider = $provider");
            command.Parameters.AddWithValue("$provider", provider);
        }

        if (account is not null)
        {
            filters.Add("account = $account");
            command.Parameters.AddWithValue("$account", account);
        }

        return filters.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", filters);
    }

    private static decimal? AmountOf(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal)
            ? null
            : decimal.Parse(
                reader.GetString(ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
