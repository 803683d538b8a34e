using System.Globalization;
using System.Text;

namespace BalanceClients.Output;

/// <summary>
/// The webhooks' families of <c>/metrics</c>: the attempts to post messages by outcome, and the messages waiting in the outbox.
/// They change with every attempt, not with the readings, so they are written on each scrape, as the process families are.
/// </summary>
internal static class WebhookExposition
{
    /// <summary>The attempts, by outcome.</summary>
    public static readonly MetricFamily Deliveries = new(
        "balances_webhook_deliveries_total",
        "Attempts to post a webhook message since the process started, by outcome: delivered or failed.",
        "counter");

    /// <summary>The messages waiting.</summary>
    public static readonly MetricFamily Pending = new(
        "balances_webhook_pending", "Webhook messages waiting in the outbox to be delivered, over every webhook.");

    /// <summary>The families, in the order they are written.</summary>
    public static IReadOnlyList<MetricFamily> Families { get; } = [Deliveries, Pending];

    /// <summary>Renders the families.</summary>
    /// <param name="delivered">The attempts that delivered a message.</param>
    /// <param name="failed">The attempts that failed.</param>
    /// <param name="pending">The messages waiting.</param>
    /// <returns>The UTF-8 text.</returns>
    public static byte[] Render(long delivered, long failed, int pending) =>
        Encoding.UTF8.GetBytes(
            Deliveries.Header
            + Deliveries.Sample("outcome=\"delivered\"", delivered.ToString(CultureInfo.InvariantCulture))
            + Deliveries.Sample("outcome=\"failed\"", failed.ToString(CultureInfo.InvariantCulture))
            + Pending.Header
            + Pending.Sample(string.Empty, pending.ToString(CultureInfo.InvariantCulture)));
}
