namespace BalanceClients.History;

/// <summary>
/// What a database keeps of the history, behind <see cref="BalanceStore"/>: an embedded SQLite file (<see cref="SqliteStore"/>) or a
/// PostgreSQL database (<see cref="PostgreSqlStore"/>). The store checks arguments and estimates runways; an engine reads and writes.
/// </summary>
internal interface IStoreEngine : IAsyncDisposable, IDisposable
{
    /// <summary>Where the store is, as messages name it: a full path, or a PostgreSQL URI without its password.</summary>
    string Path { get; }

    /// <summary>Whether the store was opened only to read it.</summary>
    bool IsReadOnly { get; }

    /// <summary>Whether what the store opened to write is no longer there (a SQLite file deleted or replaced).</summary>
    bool IsFileLost { get; }

    /// <summary>Writes readings in one transaction, all or none, thinning those older than what the retention thinned already.</summary>
    /// <param name="readings">The readings; each is checked (<see cref="StoredReadingRules.Problem"/>) as it comes.</param>
    /// <param name="cancellationToken">Stops the write before it commits.</param>
    /// <returns>How many were added.</returns>
    Task<int> WriteAsync(IAsyncEnumerable<StoredReading> readings, CancellationToken cancellationToken);

    /// <summary>The readings, oldest first, then by provider, account, kind and currency (ordinal), from one snapshot.</summary>
    /// <param name="provider">Only this provider's (ignoring case), or all.</param>
    /// <param name="account">Only accounts of this name (ignoring case), or all.</param>
    /// <param name="since">Only readings at or after this time (Unix milliseconds).</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The readings.</returns>
    IAsyncEnumerable<StoredReading> ReadAsync(string? provider, string? account, long since, CancellationToken cancellationToken);

    /// <summary>
    /// Of each series, the last reading with an amount in each span of the range, in <see cref="ReadAsync"/>'s order, from one
    /// snapshot; see <see cref="BalanceStore.ReadThinnedAsync"/>.
    /// </summary>
    /// <param name="provider">Only this provider's (ignoring case), or all.</param>
    /// <param name="account">Only accounts of this name (ignoring case), or all.</param>
    /// <param name="range">The times and the spans.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The readings.</returns>
    IAsyncEnumerable<StoredReading> ReadThinnedAsync(
        string? provider, string? account, ThinnedRange range, CancellationToken cancellationToken);

    /// <summary>
    /// The recent readings with an amount of every series (of one provider and account, if given), in the series' order (provider,
    /// account, kind, currency; ordinal), from one snapshot, with the time it was read at.
    /// </summary>
    /// <param name="provider">Only this provider's series (ignoring case), or all.</param>
    /// <param name="account">Only series of accounts of this name (ignoring case), or all.</param>
    /// <param name="window">How far back from now.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>Now (Unix milliseconds) and each series with its readings in the window, oldest first.</returns>
    Task<SeriesWindows> ReadWindowsAsync(string? provider, string? account, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Thins the readings older than the raw retention; see <see cref="BalanceStore.ApplyRetentionAsync"/>.</summary>
    /// <param name="cancellationToken">Stops the work; nothing is removed.</param>
    /// <returns>How many readings were removed.</returns>
    Task<int> ApplyRetentionAsync(CancellationToken cancellationToken);

    /// <summary>Every row of what notifiers told their receivers.</summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The rows, by receiver, provider and account.</returns>
    Task<IReadOnlyList<NotifiedRow>> ReadNotifiedAsync(CancellationToken cancellationToken);

    /// <summary>Records what a receiver was told of an account, replacing the row before, durably.</summary>
    /// <param name="row">The row.</param>
    /// <param name="cancellationToken">Stops the write before it commits.</param>
    /// <returns>When it is written.</returns>
    Task SaveNotifiedAsync(NotifiedRow row, CancellationToken cancellationToken);

    /// <summary>
    /// Records, in one transaction, what a receiver is told of an account and the message that tells it, if any: replaces the
    /// told row and queues the message, but only while the levels recorded before are still <paramref name="expected"/>.
    /// </summary>
    /// <param name="told">The new told row.</param>
    /// <param name="expected">The level and runway level recorded before; <see langword="null"/> for none.</param>
    /// <param name="message">The message to queue; <see langword="null"/> records the levels alone.</param>
    /// <param name="cancellationToken">Stops the write before it commits.</param>
    /// <returns>Whether it was written; <see langword="false"/> when another writer recorded other levels meanwhile.</returns>
    Task<bool> QueueAsync(
        NotifiedRow told, (string Level, string RunwayLevel)? expected, OutboxRow? message, CancellationToken cancellationToken);

    /// <summary>The messages queued for a receiver, oldest first.</summary>
    /// <param name="receiver">The receiver.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The messages, by <see cref="OutboxRow.Sequence"/>.</returns>
    Task<IReadOnlyList<OutboxRow>> ReadOutboxAsync(string receiver, CancellationToken cancellationToken);

    /// <summary>Removes a message from the outbox (delivered, or dropped).</summary>
    /// <param name="messageId">The message's <see cref="OutboxRow.MessageId"/>.</param>
    /// <param name="cancellationToken">Stops the write before it commits.</param>
    /// <returns>When it is written.</returns>
    Task RemoveOutboxAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Records a failed burst of a message: how many have failed, and when the next may start.</summary>
    /// <param name="messageId">The message's <see cref="OutboxRow.MessageId"/>.</param>
    /// <param name="bursts">How many bursts have failed.</param>
    /// <param name="due">When the next may start, in Unix milliseconds.</param>
    /// <param name="cancellationToken">Stops the write before it commits.</param>
    /// <returns>When it is written.</returns>
    Task DeferOutboxAsync(string messageId, int bursts, long due, CancellationToken cancellationToken);

    /// <summary>How many messages wait for each receiver that has any.</summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The receivers (ordinal order) and their counts; none in a store older than the outbox.</returns>
    Task<IReadOnlyList<(string Receiver, int Waiting)>> CountOutboxAsync(CancellationToken cancellationToken);

    /// <summary>Forgets a receiver: removes the messages waiting for it and what it was told, in one transaction.</summary>
    /// <param name="receiver">The receiver.</param>
    /// <param name="cancellationToken">Stops the write before it commits.</param>
    /// <returns>How many messages were removed.</returns>
    Task<int> ForgetReceiverAsync(string receiver, CancellationToken cancellationToken);

    /// <summary>
    /// The accounts' latest readings, whole, that changed since an earlier read, or all of them (none in a store older than the table).
    /// </summary>
    /// <param name="since">The <see cref="LatestChanges.Cursor"/> of the last read, or <see langword="null"/> to read every row.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The rows (every row that changed since; maybe some that did not) and the next read's cursor.</returns>
    Task<LatestChanges> ReadLatestAsync(long? since, CancellationToken cancellationToken);

    /// <summary>
    /// Records accounts' latest readings in one transaction, all or none, durably: each replaces an older one of its account (never a
    /// newer one), in the rows' order.
    /// </summary>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Stops the write before it commits.</param>
    /// <returns>When they are written.</returns>
    Task SaveLatestAsync(IReadOnlyList<LatestRow> rows, CancellationToken cancellationToken);

    /// <summary>Closes the store once no write runs on it.</summary>
    /// <returns>When it is closed.</returns>
    Task CloseWhenIdleAsync();
}
