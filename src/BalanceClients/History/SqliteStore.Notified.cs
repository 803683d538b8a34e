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
        WritingAsync(() => SaveNotifiedCoreAsync(row, cancellationToken), cancellationToken);

    // On the writer's connection, which the caller holds.
    private async Task<int> SaveNotifiedCoreAsync(NotifiedRow row, CancellationToken cancellationToken)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = """
            INSERT INTO notified (receiver, provider, account, level, runway_level, time)
            VALUES ($receiver, $provider, $account, $level, $runwayLevel, $time)
            ON CONFLICT (receiver, provider, account)
            DO UPDATE SET level = excluded.level, runway_level = excluded.runway_level, time = excluded.time
            """;
        command.Parameters.AddWithValue("$receiver", row.Receiver);
        command.Parameters.AddWithValue("$provider", row.Provider);
        command.Parameters.AddWithValue("$account", row.Account);
        command.Parameters.AddWithValue("$level", row.Level);
        command.Parameters.AddWithValue("$runwayLevel", row.RunwayLevel);
        command.Parameters.AddWithValue("$time", row.Time);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
