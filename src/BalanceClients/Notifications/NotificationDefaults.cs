namespace BalanceClients.Notifications;

/// <summary>The defaults of the notification settings, and the sender's fixed bounds, in one place.</summary>
internal static class NotificationDefaults
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public const int MaxRetries = 3;

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    /// <summary>The least wait after a failed burst, whatever <see cref="RetryBaseDelay"/> is set to.</summary>
    public static readonly TimeSpan MinBurstBackoff = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait after a failed burst: a receiver that comes back is told within this at most.</summary>
    public static readonly TimeSpan MaxBurstBackoff = TimeSpan.FromMinutes(10);

    /// <summary>How often a process that does not lead looks whether it leads now.</summary>
    public static readonly TimeSpan FollowerPoll = TimeSpan.FromSeconds(2);

    /// <summary>How long a lane waits before it reads the store again after it failed to.</summary>
    public static readonly TimeSpan StoreRetry = TimeSpan.FromSeconds(5);

    /// <summary>How many readings wait for one webhook at most; a reading that finds the queue full waits for the next one.</summary>
    public const int QueueCapacity = 1024;

    /// <summary>How much of a receiver's answer is read (and thrown away) before the connection is let go.</summary>
    public const int MaxResponseBytes = 64 * 1024;

    /// <summary>The name of the webhooks' HTTP client in <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "BalanceClients.Notifications";
}
