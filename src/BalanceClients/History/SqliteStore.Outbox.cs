using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <content>The <c>outbox</c> table: the messages queued for receivers and not yet delivered.</content>
internal sealed partial class SqliteStore
{
    // The schema version that brought the outbox.
    private const int OutboxSchema = 4;

    /// <inheritdoc />
    public Task<bool> QueueAsync(
        NotifiedRow told, (string Level, string RunwayLevel)? expected, OutboxRow? message, CancellationToken cancellationToken) =>
        WritingAsync(
            async () =>
            {
                using var transaction = _writer.BeginTransaction(deferred: false);
                using var read = _writer.CreateCommand();
                read.CommandText =
                    "SELECT level, runway_level FROM notified WHERE receiver = $receiver AND provider = $provider AND account = $account";
                read.Parameters.AddWithValue("$receiver", told.Receiver);
                read.Parameters.AddWithValue("$provider", told.Provider);
                read.Parameters.AddWithValue("$account", told.Account);
                if (await OutboxReads.LevelsAsync(read, cancellationToken).ConfigureAwait(false) != expected)
                {
                    return false;
                }

                await SaveNotifiedCoreAsync(told, cancellationToken).ConfigureAwait(false);
                if (message is not null)
                {
                    await InsertOutboxAsync(message, cancellationToken).ConfigureAwait(false);
                }

                cancellationToken.ThrowIfCancellationRequested();
                transaction.Commit();
                return true;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxRow>> ReadOutboxAsync(string receiver, CancellationToken cancellationToken) =>
        ReadingAsync(
            OutboxSchema,
            [],
            async (connection, _, _) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT sequence, receiver, provider, account, levels, message_id, body, created, bursts, due FROM outbox
                    WHERE receiver = $receiver ORDER BY sequence
                    """;
                command.Parameters.AddWithValue("$receiver", receiver);
                return await OutboxReads.RowsAsync(command, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task RemoveOutboxAsync(string messageId, CancellationToken cancellationToken) =>
        WritingAsync(
            async () =>
            {
                using var command = _writer.CreateCommand();
                command.CommandText = "DELETE FROM outbox WHERE message_id = $messageId";
                command.Parameters.AddWithValue("$messageId", messageId);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task DeferOutboxAsync(string messageId, int bursts, long due, CancellationToken cancellationToken) =>
        WritingAsync(
            async () =>
            {
                using var command = _writer.CreateCommand();
                command.CommandText = "UPDATE outbox SET bursts = $bursts, due = $due WHERE message_id = $messageId";
                command.Parameters.AddWithValue("$messageId", messageId);
                command.Parameters.AddWithValue("$bursts", bursts);
                command.Parameters.AddWithValue("$due", due);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<(string Receiver, int Waiting)>> CountOutboxAsync(CancellationToken cancellationToken) =>
        ReadingAsync(
            OutboxSchema,
            [],
            async (connection, _, _) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT receiver, count(*) FROM outbox GROUP BY receiver ORDER BY receiver";
                return await OutboxReads.CountsAsync(command, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<int> ForgetReceiverAsync(string receiver, CancellationToken cancellationToken) =>
        WritingAsync(
            async () =>
            {
                using var transaction = _writer.BeginTransaction(deferred: false);
                using var command = _writer.CreateCommand();
                command.CommandText = "DELETE FROM notified WHERE receiver = $receiver";
                command.Parameters.AddWithValue("$receiver", receiver);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                command.CommandText = "DELETE FROM outbox WHERE receiver = $receiver";
                var removed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                transaction.Commit();
                return removed;
            },
            cancellationToken);

    private async Task InsertOutboxAsync(OutboxRow message, CancellationToken cancellationToken)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = """
            INSERT INTO outbox (receiver, provider, account, levels, message_id, body, created, bursts, due)
            VALUES ($receiver, $provider, $account, $levels, $messageId, $body, $created, $bursts, $due)
            """;
        command.Parameters.AddWithValue("$receiver", message.Receiver);
        command.Parameters.AddWithValue("$provider", message.Provider);
        command.Parameters.AddWithValue("$account", message.Account);
        command.Parameters.AddWithValue("$levels", message.Levels);
        command.Parameters.AddWithValue("$messageId", message.MessageId);
        command.Parameters.AddWithValue("$body", message.Body);
        command.Parameters.AddWithValue("$created", message.Created);
        command.Parameters.AddWithValue("$bursts", message.Bursts);
        command.Parameters.AddWithValue("$due", message.Due);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // One write on the writer's connection, under the write lock; SQLite's failures become BalanceStoreExceptions.
    private async Task<T> WritingAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfReadOnly();
        await WaitToWriteAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await write().ConfigureAwait(false);
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
