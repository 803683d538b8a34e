using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <content>
/// The <c>latest</c> table: each account's latest reading, whole, which replicas that follow read. The schema's triggers number each
/// write of a row one higher than the table's highest (<c>change</c>); SQLite commits one writer at a time, so a follower that read
/// up to a number has read every row written before it, and next reads those above it.
/// </content>
internal sealed partial class SqliteStore
{
    /// <inheritdoc />
    public Task<LatestChanges> ReadLatestAsync(long? since, CancellationToken cancellationToken) =>
        ReadingAsync(
            LatestSchema,
            new LatestChanges([], null, IsWhole: true),
            async (connection, _, version) =>
            {
                long? highest = version < LatestChangeSchema
                    ? null
                    : await ScalarAsync<long>(connection, "SELECT coalesce(max(change), 0) FROM latest", cancellationToken)
                        .ConfigureAwait(false);

                // A highest number below the cursor is another file's (a backup put in its place): it is read whole.
                var whole = since is null || highest is null || highest < since;
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT provider, account, time, reading FROM latest" + (whole ? "" : " WHERE change > $since");
                command.Parameters.AddWithValue("$since", since ?? 0);
                return new LatestChanges(await ReadLatestRowsAsync(command, cancellationToken).ConfigureAwait(false), highest, whole);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task SaveLatestAsync(IReadOnlyList<LatestRow> rows, CancellationToken cancellationToken) =>
        EachInTransactionAsync(
            rows,
            async row =>
            {
                using var command = _writer.CreateCommand();
                command.CommandText = """
                    INSERT INTO latest (provider, account, time, reading) VALUES ($provider, $account, $time, $reading)
                    ON CONFLICT (provider, account) DO UPDATE SET time = excluded.time, reading = excluded.reading
                    WHERE excluded.time >= latest.time
                    """;
                command.Parameters.AddWithValue("$provider", row.Provider);
                command.Parameters.AddWithValue("$account", row.Account);
                command.Parameters.AddWithValue("$time", row.Time);
                command.Parameters.AddWithValue("$reading", row.Reading);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private static async Task<IReadOnlyList<LatestRow>> ReadLatestRowsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<LatestRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new LatestRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return rows;
    }

    // Writes each item in one transaction, all or none.
    private Task<int> EachInTransactionAsync<T>(IReadOnlyList<T> items, Func<T, Task<int>> write, CancellationToken cancellationToken) =>
        WritingAsync(
            async () =>
            {
                using var transaction = _writer.BeginTransaction(deferred: false);
                var written = 0;
                foreach (var item in items)
                {
                    written += await write(item).ConfigureAwait(false);
                }

                cancellationToken.ThrowIfCancellationRequested();
                transaction.Commit();
                return written;
            },
            cancellationToken);
}
