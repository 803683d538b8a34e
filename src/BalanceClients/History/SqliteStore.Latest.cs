namespace BalanceClients.History;

/// <content>The <c>latest</c> table: each account's latest reading, whole, which replicas that follow read.</content>
internal sealed partial class SqliteStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<LatestRow>> ReadLatestAsync(CancellationToken cancellationToken) =>
        ReadingAsync(
            LatestSchema,
            [],
            async (connection, _, _) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT provider, account, time, reading FROM latest";
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var rows = new List<LatestRow>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(new LatestRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
                }

                return (IReadOnlyList<LatestRow>)rows;
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
