using System.Diagnostics.Metrics;
using BalanceClients.Diagnostics;

namespace BalanceClients.Notifications;

/// <summary>
/// The webhooks' instruments on the <c>BalanceClients</c> meter: the attempts to post messages, as the
/// <c>balances.webhook.deliveries</c> counter by <c>outcome</c>, <c>delivered</c> (a <c>2xx</c> answer) or <c>failed</c> (anything
/// else, a timeout or a network error); and the messages waiting in the outbox, as the <c>balances.webhook.pending</c> gauge. An
/// OpenTelemetry export to Prometheus names them <c>balances_webhook_deliveries_total</c> and <c>balances_webhook_pending</c>, as
/// <c>/metrics</c> does (from <see cref="Delivered"/>, <see cref="Failed"/> and the pending count).
/// </summary>
internal sealed class WebhookDeliveryMetrics
{
    /// <summary>The counter's name.</summary>
    public const string Name = "balances.webhook.deliveries";

    /// <summary>The gauge's name.</summary>
    public const string PendingName = "balances.webhook.pending";

    /// <summary>The attribute that says how an attempt ended.</summary>
    public const string OutcomeTag = "outcome";

    private static readonly KeyValuePair<string, object?> DeliveredTag = new(OutcomeTag, "delivered");
    private static readonly KeyValuePair<string, object?> FailedTag = new(OutcomeTag, "failed");

    private readonly Counter<long> _attempts;
    private long _delivered;
    private long _failed;

    /// <summary>Creates the instruments on the meter of <paramref name="meterFactory"/>.</summary>
    /// <param name="meterFactory">The container's meter factory.</param>
    /// <param name="pending">How many messages wait, asked when the gauge is observed.</param>
    public WebhookDeliveryMetrics(IMeterFactory meterFactory, Func<int> pending)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(BalanceTelemetry.Name);
        _attempts = meter.CreateCounter<long>(
            Name, unit: "{attempt}", description: "Attempts to post a webhook message, by outcome (delivered or failed).");
        meter.CreateObservableGauge(
            PendingName, pending, unit: "{message}", description: "Webhook messages waiting in the outbox to be delivered.");
    }

    /// <summary>The attempts that delivered a message since the start.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>The attempts that failed since the start.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Counts one attempt.</summary>
    /// <param name="delivered">Whether it delivered the message.</param>
    public void Attempted(bool delivered)
    {
        Interlocked.Increment(ref delivered ? ref _delivered : ref _failed);
        _attempts.Add(1, delivered ? DeliveredTag : FailedTag);
    }
}
