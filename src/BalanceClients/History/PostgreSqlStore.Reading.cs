using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;

namespace BalanceClients.History;

/// <content>Reading the history back, streamed in time order, and the recent window of each series.</content>
internal sealed partial class PostgreSqlStore
{
    // The order of series that SQLite's store gives too: by provider, account, kind and currency, compared ordinally.
    private const string SeriesOrder = """s.provider COLLATE "C", s.account COLLATE "C", s.kind COLLATE "C", s.currency COLLATE "C" """;

    /// <inheritdoc />
    public IAsyncEnumerable<StoredReading> ReadAsync(string? provider, string? account, long since, CancellationToken cancellationToken) =>
        StreamAsync(
            "SELECT s.provider, s.account, s.kind, s.currency, r.time, r.amount"
            + " FROM balances_readings AS r JOIN balances_series AS s ON s.id = r.series WHERE r.time >= $1"
            + Filters(provider, account, 2)
            + " ORDER BY r.time, " + SeriesOrder,
            command =>
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = since });
                AddFilters(command, provider, account);
            },
            cancellationToken);

    // Streams the readings a query gives (provider, account, kind, currency, time and amount), in a snapshot of its own.
    private async IAsyncEnumerable<StoredReading> StreamAsync(
        string sql, Action<NpgsqlCommand> parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var (connection, transaction, command, reader) = await OpenReadingsAsync(sql, parameters, cancellationToken)
            .ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        await using (transaction.ConfigureAwait(false))
        await using (command.ConfigureAwait(false))
        await using (reader.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (NpgsqlException exception)
                {
                    throw PostgreSqlErrors.From(_location, exception);
                }

                if (!more)
                {
                    break;
                }

                yield return StoredReadingRow.Read(reader, reader.IsDBNull(5) ? null : reader.GetDecimal(5));
            }
        }
    }

    // A query of readings, its reader open in a snapshot of its own.
    private async Task<(NpgsqlConnection, NpgsqlTransaction, NpgsqlCommand, NpgsqlDataReader)> OpenReadingsAsync(
        string sql, Action<NpgsqlCommand> parameters, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken)
                .ConfigureAwait(false);
            var command = new NpgsqlCommand(sql, connection, transaction);
            parameters(command);
            return (connection, transaction, command, await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw exception is NpgsqlException npgsql ? PostgreSqlErrors.From(_location, npgsql) : exception;
        }
    }

    /// <inheritdoc />
    public Task<SeriesWindows> ReadWindowsAsync(string? provider, string? account, TimeSpan window, CancellationToken cancellationToken) =>
        InSnapshotAsync(
            async (connection, transaction) =>
            {
                var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
                using var command = new NpgsqlCommand(
                    "SELECT s.id, s.provider, s.account, s.kind, s.currency, r.time, r.amount FROM balances_series AS s"
                    + " LEFT JOIN balances_readings AS r ON r.series = s.id AND r.time > $1 AND r.time <= $2 AND r.amount IS NOT NULL"
                    + " WHERE TRUE" + Filters(provider, account, 3)
                    + " ORDER BY " + SeriesOrder + ", s.id, r.time",
                    connection,
                    transaction);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = now - (long)window.TotalMilliseconds });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = now });
                AddFilters(command, provider, account);
                var windows = new List<SeriesWindow>();
                var (id, points) = (long.MinValue, new List<RunwayPoint>());
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (reader.GetInt64(0) != id)
                    {
                        (id, points) = (reader.GetInt64(0), []);
                        windows.Add(new SeriesWindow(
                            reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), points));
                    }

                    if (!reader.IsDBNull(5))
                    {
                        points.Add(new RunwayPoint(reader.GetInt64(5), reader.GetDecimal(6)));
                    }
                }

                return new SeriesWindows(now, windows);
            },
            cancellationToken);

    // The conditions on the series' provider and account (ignoring case), numbered from the given parameter on.
    private static string Filters(string? provider, string? account, int first) =>
        (provider is null ? string.Empty : $" AND lower(s.provider) = lower(${first++})")
        + (account is null ? string.Empty : $" AND lower(s.account) = lower(${first})");

    private static void AddFilters(NpgsqlCommand command, string? provider, string? account)
    {
        if (provider is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = provider });
        }

        if (account is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = account });
        }
    }
}
