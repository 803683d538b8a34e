using Npgsql;

namespace BalanceClients.History;

/// <content>The <c>balances_notified</c> table: what notifiers told their receivers.</content>
internal sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<NotifiedRow>> ReadNotifiedAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(
                    "SELECT receiver, provider, account, level, runway_level, time FROM balances_notified"
                    + """ ORDER BY receiver COLLATE "C", lower(provider) COLLATE "C", lower(account) COLLATE "C" """,
                    connection);
                using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var rows = new List<NotifiedRow>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    rows.Add(new NotifiedRow(
                        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                        reader.GetInt64(5)));
                }

                return (IReadOnlyList<NotifiedRow>)rows;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task SaveNotifiedAsync(NotifiedRow row, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return InTransactionAsync(
            (connection, transaction) => SaveNotifiedCoreAsync(connection, transaction, row, cancellationToken), cancellationToken);
    }

    private static async Task<int> SaveNotifiedCoreAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NotifiedRow row, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            """
            INSERT INTO balances_notified (receiver, provider, account, level, runway_level, time) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (receiver, lower(provider), lower(account))
            DO UPDATE SET level = excluded.level, runway_level = excluded.runway_level, time = excluded.time
            """,
            connection,
            transaction);
        AddTexts(command, row.Receiver, row.Provider, row.Account, row.Level, row.RunwayLevel);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.Time });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
