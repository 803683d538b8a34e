using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <content>The <c>notified</c> table: what notifiers told their receivers.</content>
internal sealed partial class SqliteStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<NotifiedRow>> ReadNotifiedAsync(CancellationToken cancellationToken) =>
        ReadingAsync(
            NotifiedSchema,
            [],
            async (connection, _, version) =>
            {
                // A file of version 2, read-only and so not migrated, has no runway levels: none was told then.
                var runwayLevelColumn = version < RunwayLevelSchema ? "'ok'" : "runway_level";
                using var command = connection.CreateCommand();
                command.CommandText = $"""
                    SELECT receiver, provider, account, level, {runwayLevelColumn}, time FROM notified ORDER BY receiver, provider, account
                    """;
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var rows = new List<NotifiedRow>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(new NotifiedRow(
                        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                        reader.GetInt64(5)));
                }

                return (IReadOnlyList<NotifiedRow>)rows;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task SaveNotifiedAsync(NotifiedRow row, CancellationToken cancellationToken) =>
        WriteOneAsync(
            """
            INSERT INTO notified (receiver, provider, account, level, runway_level, time)
            VALUES ($receiver, $provider, $account, $level, $runwayLevel, $time)
            ON CONFLICT (receiver, provider, account)
            DO UPDATE SET level = excluded.level, runway_level = excluded.runway_level, time = excluded.time
            """,
            parameters =>
            {
                parameters.AddWithValue("$receiver", row.Receiver);
                parameters.AddWithValue("$provider", row.Provider);
                parameters.AddWithValue("$account", row.Account);
                parameters.AddWithValue("$level", row.Level);
                parameters.AddWithValue("$runwayLevel", row.RunwayLevel);
                parameters.AddWithValue("$time", row.Time);
            },
            cancellationToken);

    // One statement on the writer, in its own transaction, durably.
    private async Task WriteOneAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfReadOnly();
        await WaitToWriteAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _writer.CreateCommand();
            command.CommandText = sql;
            bind(command.Parameters);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw Translate(exception);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
