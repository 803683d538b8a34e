namespace BalanceClients.Notifications;

/// <summary>The defaults of the notification settings, and the sender's fixed bounds, in one place.</summary>
internal static class NotificationDefaults
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public const int MaxRetries = 3;

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>How many readings wait for one webhook at most; a reading that finds the queue full waits for the next one.</summary>
    public const int QueueCapacity = 1024;

    /// <summary>How much of a receiver's answer is read (and thrown away) before the connection is let go.</summary>
    public const int MaxResponseBytes = 64 * 1024;

    /// <summary>The name of the webhooks' HTTP client in <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "BalanceClients.Notifications";
}
