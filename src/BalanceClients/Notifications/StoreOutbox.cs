using BalanceClients.History;

namespace BalanceClients.Notifications;

/// <summary>The outbox in a store: it outlives the process, and every replica on one PostgreSQL store shares it.</summary>
/// <param name="store">The store, opened to write.</param>
internal sealed class StoreOutbox(BalanceStore store) : IWebhookOutbox
{
    /// <inheritdoc />
    public Task<IReadOnlyList<NotifiedRow>> ReadToldAsync(CancellationToken cancellationToken) =>
        store.ReadNotifiedAsync(cancellationToken);

    /// <inheritdoc />
    public Task<bool> QueueAsync(
        NotifiedRow told, (string Level, string RunwayLevel)? expected, OutboxRow? message, CancellationToken cancellationToken) =>
        store.QueueAsync(told, expected, message, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxRow>> ReadAsync(string receiver, CancellationToken cancellationToken) =>
        store.ReadOutboxAsync(receiver, cancellationToken);

    /// <inheritdoc />
    public Task RemoveAsync(string messageId, CancellationToken cancellationToken) => store.RemoveOutboxAsync(messageId, cancellationToken);

    /// <inheritdoc />
    public Task DeferAsync(string messageId, int bursts, long due, CancellationToken cancellationToken) =>
        store.DeferOutboxAsync(messageId, bursts, due, cancellationToken);
}
