using System.Diagnostics.Metrics;
using BalanceClients.Diagnostics;

namespace BalanceClients.Notifications;

/// <summary>
/// The attempts to post webhook messages, as the <c>balances.webhook.deliveries</c> counter of the <c>BalanceClients</c> meter,
/// by <c>outcome</c>: <c>delivered</c> (a <c>2xx</c> answer) or <c>failed</c> (anything else, a timeout or a network error).
/// An OpenTelemetry export to Prometheus names it <c>balances_webhook_deliveries_total</c>.
/// </summary>
internal sealed class WebhookDeliveryMetrics
{
    /// <summary>The instrument's name.</summary>
    public const string Name = "balances.webhook.deliveries";

    /// <summary>The attribute that says how an attempt ended.</summary>
    public const string OutcomeTag = "outcome";

    private static readonly KeyValuePair<string, object?> Delivered = new(OutcomeTag, "delivered");
    private static readonly KeyValuePair<string, object?> Failed = new(OutcomeTag, "failed");

    private readonly Counter<long> _attempts;

    /// <summary>Creates the counter on the meter of <paramref name="meterFactory"/>.</summary>
    /// <param name="meterFactory">The container's meter factory.</param>
    public WebhookDeliveryMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _attempts = meterFactory.Create(BalanceTelemetry.Name).CreateCounter<long>(
            Name, unit: "{attempt}", description: "Attempts to post a webhook message, by outcome (delivered or failed).");
    }

    /// <summary>Counts one attempt.</summary>
    /// <param name="delivered">Whether it delivered the message.</param>
    public void Attempted(bool delivered) => _attempts.Add(1, delivered ? Delivered : Failed);
}
