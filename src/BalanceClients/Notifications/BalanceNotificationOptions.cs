using BalanceClients.Configuration;

namespace BalanceClients.Notifications;

/// <summary>
/// Who is told when an account's level changes, and how hard the library tries. Bound from <c>Balances:Notifications</c>
/// (and <c>BALANCES_WEBHOOK_URL</c>), read once when the host starts, and validated then.
/// </summary>
public sealed class BalanceNotificationOptions
{
    /// <summary>The webhooks, each told of every change; numbered from 1 in this order in log lines.</summary>
    public IList<WebhookOptions> Webhooks { get; } = [];

    /// <summary>How long one attempt to post a message may take, the answer's head and its bounded body included.</summary>
    /// <value>The default value is 10 seconds; from 10 ms to 10 minutes.</value>
    [SettingRange("00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = NotificationDefaults.AttemptTimeout;

    /// <summary>How many times a message that failed with 408, 429, 5xx, a network error or a timeout is posted again.</summary>
    /// <value>The default value is 3 retries (four attempts in all); from 0 to 10.</value>
    [SettingRange(0, 10)]
    public int MaxRetries { get; set; } = NotificationDefaults.MaxRetries;

    /// <summary>The delay before the first retry; each next one doubles it (a longer <c>Retry-After</c> wins).</summary>
    /// <value>The default value is 1 second; from 0 to 10 minutes.</value>
    [SettingRange("00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = NotificationDefaults.RetryBaseDelay;

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one ends the retries.</summary>
    /// <value>The default value is 1 minute; from 0 to 1 hour.</value>
    [SettingRange("00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = NotificationDefaults.MaxRetryAfter;

    /// <summary>
    /// How long a message that was not delivered waits in the outbox, tried again now and then, before it is dropped (with one log
    /// line): counted from when it was queued.
    /// </summary>
    /// <value>The default value is 24 hours; from 1 minute to 30 days.</value>
    [SettingRange("00:01:00", "30.00:00:00")]
    public TimeSpan MaxAge { get; set; } = NotificationDefaults.MaxAge;
}
