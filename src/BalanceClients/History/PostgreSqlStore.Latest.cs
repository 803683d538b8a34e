using Npgsql;

namespace BalanceClients.History;

/// <content>
/// The <c>balances_latest</c> table: each account's latest reading, whole, which replicas that follow read. The schema's trigger
/// records in each row written the id of the transaction that wrote it (<c>change</c>). Transactions may commit in another order
/// than their ids, so a read's cursor is the oldest transaction its snapshot still saw running (<c>pg_snapshot_xmin</c>): every row
/// of an older one was committed before it, and the next read takes the rows of that one and later, some of them again.
/// </content>
internal sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public Task<LatestChanges> ReadLatestAsync(long? since, CancellationToken cancellationToken) =>
        InSnapshotAsync(
            async (connection, transaction) =>
            {
                using var snapshot = new NpgsqlCommand(
                    "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint", connection, transaction);
                var oldestRunning = (long)(await snapshot.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

                // Transaction ids never go back in one cluster: an oldest below the cursor is another cluster's (a store restored).
                var whole = since is null || oldestRunning < since;
                using var command = new NpgsqlCommand(
                    "SELECT provider, account, time, reading FROM balances_latest" + (whole ? "" : " WHERE change >= $1"),
                    connection,
                    transaction);
                if (!whole)
                {
                    command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = since!.Value });
                }

                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var rows = new List<LatestRow>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(new LatestRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
                }

                // A store opened read-only may be of a schema older than the change ids: it is read whole each time.
                return new LatestChanges(rows, IsReadOnly ? null : oldestRunning, whole);
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
