using System.Threading.Channels;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.Extensions.Logging;

namespace BalanceClients.Notifications;

/// <summary>
/// The webhooks that are no longer configured, forgotten by the leader: the messages still waiting for one in the store could
/// never be sent (no lane reads them, nor does <c>balances_webhook_pending</c> count them), so each time this process comes to
/// lead it removes them, with what that webhook was told, and says so in one warning per webhook, naming it by its key in the
/// store (<see cref="WebhookLane.ReceiverOf"/>), never by its URL. A webhook told everything (no message waiting) keeps its told
/// levels, which are then exactly what it knows, should it come back; one whose messages are dropped is told afresh, as a new
/// webhook is, of every account that is not ok.
/// </summary>
internal static class RemovedWebhooks
{
    /// <summary>Forgets the webhooks not configured each time this process comes to lead, until the end.</summary>
    /// <param name="store">The store, opened to write.</param>
    /// <param name="configured">The configured webhooks' keys.</param>
    /// <param name="leadership">Whether this process leads.</param>
    /// <param name="timeProvider">The clock of the wait before a store that failed is tried again.</param>
    /// <param name="logger">Where each webhook forgotten is told.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>A task that ends with <paramref name="cancellationToken"/>.</returns>
    public static async Task RunAsync(
        BalanceStore store,
        IReadOnlySet<string> configured,
        IMonitorLeadership leadership,
        TimeProvider timeProvider,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnChanged(object? sender, EventArgs e) => changed.Writer.TryWrite(true);
        leadership.LeadershipChanged += OnChanged;
        try
        {
            while (true)
            {
                if (leadership.IsLeader && !await ForgetAsync(store, configured, logger, cancellationToken).ConfigureAwait(false))
                {
                    await Task.Delay(NotificationDefaults.StoreRetry, timeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await changed.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            leadership.LeadershipChanged -= OnChanged;
        }
    }

    // False when the store failed; the lanes say so in their own lines.
    private static async Task<bool> ForgetAsync(
        BalanceStore store, IReadOnlySet<string> configured, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var waiting = await store.CountOutboxAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (receiver, _) in waiting.Where(count => !configured.Contains(count.Receiver)))
            {
                var removed = await store.ForgetReceiverAsync(receiver, cancellationToken).ConfigureAwait(false);
                if (removed > 0)
                {
                    NotificationLog.RemovedWebhook(logger, receiver, removed);
                }
            }

            return true;
        }
        catch (Exception exception) when (exception is BalanceStoreException or ObjectDisposedException)
        {
            return false;
        }
    }
}
