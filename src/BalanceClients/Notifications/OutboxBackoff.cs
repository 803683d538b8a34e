namespace BalanceClients.Notifications;

/// <summary>
/// How long a message whose burst of attempts failed waits in the outbox before the next burst: the bursts' own exponential
/// schedule carried on, <see cref="BalanceNotificationOptions.RetryBaseDelay"/> (at least 1 s) doubled once more per attempt made,
/// and at most <see cref="NotificationDefaults.MaxBurstBackoff"/>. With the defaults (1 s, 3 retries): 16 s, 32 s, 64 s, ...,
/// then 10 minutes.
/// </summary>
internal static class OutboxBackoff
{
    /// <summary>The wait after a failed burst.</summary>
    /// <param name="bursts">How many bursts of the message have failed, from 1.</param>
    /// <param name="options">The bursts' settings.</param>
    /// <returns>The wait.</returns>
    public static TimeSpan After(int bursts, BalanceNotificationOptions options)
    {
        var baseDelay = options.RetryBaseDelay < NotificationDefaults.MinBurstBackoff
            ? NotificationDefaults.MinBurstBackoff
            : options.RetryBaseDelay;
        var doublings = Math.Min(options.MaxRetries + bursts, 30);
        var wait = baseDelay.TotalMilliseconds * Math.Pow(2, doublings);
        return wait >= NotificationDefaults.MaxBurstBackoff.TotalMilliseconds
            ? NotificationDefaults.MaxBurstBackoff
            : TimeSpan.FromMilliseconds(wait);
    }
}
