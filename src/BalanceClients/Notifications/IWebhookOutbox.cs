using BalanceClients.History;

namespace BalanceClients.Notifications;

/// <summary>
/// Where the webhooks' messages wait until delivered, beside what each receiver was told of each account: the store's
/// <c>notified</c> and <c>outbox</c> tables (<see cref="StoreOutbox"/>), or the process's memory (<see cref="MemoryOutbox"/>).
/// A change is queued together with the told levels it leads to, so that it is queued once, whoever queues it.
/// </summary>
internal interface IWebhookOutbox
{
    /// <summary>Every receiver's told levels.</summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="BalanceStoreException">The store could not be read.</exception>
    Task<IReadOnlyList<NotifiedRow>> ReadToldAsync(CancellationToken cancellationToken);

    /// <inheritdoc cref="IStoreEngine.QueueAsync" />
    /// <exception cref="BalanceStoreException">The store could not be written; nothing was.</exception>
    Task<bool> QueueAsync(
        NotifiedRow told, (string Level, string RunwayLevel)? expected, OutboxRow? message, CancellationToken cancellationToken);

    /// <inheritdoc cref="IStoreEngine.ReadOutboxAsync" />
    /// <exception cref="BalanceStoreException">The store could not be read.</exception>
    Task<IReadOnlyList<OutboxRow>> ReadAsync(string receiver, CancellationToken cancellationToken);

    /// <inheritdoc cref="IStoreEngine.RemoveOutboxAsync" />
    /// <exception cref="BalanceStoreException">The store could not be written.</exception>
    Task RemoveAsync(string messageId, CancellationToken cancellationToken);

    /// <inheritdoc cref="IStoreEngine.DeferOutboxAsync" />
    /// <exception cref="BalanceStoreException">The store could not be written.</exception>
    Task DeferAsync(string messageId, int bursts, long due, CancellationToken cancellationToken);
}
