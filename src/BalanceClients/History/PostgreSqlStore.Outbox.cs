using Npgsql;

namespace BalanceClients.History;

/// <content>The <c>balances_outbox</c> table: the messages queued for receivers and not yet delivered.</content>
internal sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public Task<bool> QueueAsync(
        NotifiedRow told, (string Level, string RunwayLevel)? expected, OutboxRow? message, CancellationToken cancellationToken) =>
        ChangingToldAsync(
            async (connection, transaction) =>
            {
                using var read = new NpgsqlCommand(
                    """
                    SELECT level, runway_level FROM balances_notified
                    WHERE receiver = $1 AND lower(provider) = lower($2) AND lower(account) = lower($3)
                    """,
                    connection,
                    transaction);
                AddTexts(read, told.Receiver, told.Provider, told.Account);
                if (await OutboxReads.LevelsAsync(read, cancellationToken).ConfigureAwait(false) != expected)
                {
                    return false;
                }

                await SaveNotifiedCoreAsync(connection, transaction, told, cancellationToken).ConfigureAwait(false);
                if (message is not null)
                {
                    await InsertOutboxAsync(connection, transaction, message, cancellationToken).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxRow>> ReadOutboxAsync(string receiver, CancellationToken cancellationToken) =>
        RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(
                    """
                    SELECT sequence, receiver, provider, account, levels, message_id, body, created, bursts, due FROM balances_outbox
                    WHERE receiver = $1 ORDER BY sequence
                    """,
                    connection);
                AddTexts(command, receiver);
                return await OutboxReads.RowsAsync(command, token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task RemoveOutboxAsync(string messageId, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand("DELETE FROM balances_outbox WHERE message_id = $1", connection);
                AddTexts(command, messageId);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task DeferOutboxAsync(string messageId, int bursts, long due, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand("UPDATE balances_outbox SET bursts = $2, due = $3 WHERE message_id = $1", connection);
                AddTexts(command, messageId);
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = bursts });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = due });
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<(string Receiver, int Waiting)>> CountOutboxAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(
                    """SELECT receiver, count(*) FROM balances_outbox GROUP BY receiver ORDER BY receiver COLLATE "C" """, connection);
                return await OutboxReads.CountsAsync(command, token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<int> ForgetReceiverAsync(string receiver, CancellationToken cancellationToken) =>
        ChangingToldAsync(
            async (connection, transaction) =>
            {
                using var notified = new NpgsqlCommand("DELETE FROM balances_notified WHERE receiver = $1", connection, transaction);
                AddTexts(notified, receiver);
                await notified.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                using var outbox = new NpgsqlCommand("DELETE FROM balances_outbox WHERE receiver = $1", connection, transaction);
                AddTexts(outbox, receiver);
                return await outbox.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    // One transaction that changes what receivers are told, one at a time whichever replica makes it (two leaders for a moment
    // queue a change once): under a transaction-level advisory lock.
    private Task<T> ChangingToldAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return InTransactionAsync(
            async (connection, transaction) =>
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    PostgreSqlSchema.Lock("pg_advisory_xact_lock", PostgreSqlSchema.NotifiedLock),
                    cancellationToken).ConfigureAwait(false);
                return await work(connection, transaction).ConfigureAwait(false);
            },
            cancellationToken);
    }

    private static async Task InsertOutboxAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxRow message, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            """
            INSERT INTO balances_outbox (receiver, provider, account, levels, message_id, body, created, bursts, due)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """,
            connection,
            transaction);
        AddTexts(command, message.Receiver, message.Provider, message.Account, message.Levels, message.MessageId, message.Body);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = message.Created });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = message.Bursts });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = message.Due });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddTexts(NpgsqlCommand command, params string[] texts)
    {
        foreach (var text in texts)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
        }
    }
}
