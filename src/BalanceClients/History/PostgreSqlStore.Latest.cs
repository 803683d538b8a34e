using Npgsql;

namespace BalanceClients.History;

/// <content>The <c>balances_latest</c> table: each account's latest reading, whole, which replicas that follow read.</content>
internal sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<LatestRow>> ReadLatestAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand("SELECT provider, account, time, reading FROM balances_latest", connection);
                using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var rows = new List<LatestRow>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    rows.Add(new LatestRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
                }

                return (IReadOnlyList<LatestRow>)rows;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task SaveLatestAsync(IReadOnlyList<LatestRow> rows, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return EachInTransactionAsync(
            rows,
            async (connection, row, token) =>
            {
                using var command = new NpgsqlCommand(
                    """
                    INSERT INTO balances_latest AS latest (provider, account, time, reading) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (lower(provider), lower(account)) DO UPDATE SET time = excluded.time, reading = excluded.reading
                    WHERE excluded.time >= latest.time
                    """,
                    connection);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.Provider });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.Account });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.Time });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.Reading });
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    // Writes each item in one transaction, all or none.
    private Task<int> EachInTransactionAsync<T>(
        IReadOnlyList<T> items, Func<NpgsqlConnection, T, CancellationToken, Task<int>> write, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, _) =>
            {
                var written = 0;
                foreach (var item in items)
                {
                    written += await write(connection, item, cancellationToken).ConfigureAwait(false);
                }

                return written;
            },
            cancellationToken);
}
