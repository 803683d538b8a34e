namespace BalanceClients.Configuration;

/// <summary>How one provider's requests are timed out and retried.</summary>
public sealed class ResilienceOptions
{
    /// <summary>How long one attempt may take, body included.</summary>
    /// <value>The default value is 10 seconds; from 10 ms to 1 day.</value>
    [SettingRange("00:00:00.010", "1.00:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = BalanceDefaults.AttemptTimeout;

    /// <summary>How many times a request that failed with 408, 429, 5xx or a network error is tried again.</summary>
    /// <value>The default value is 2 retries (three attempts in all); from 0 to 10.</value>
    [SettingRange(0, 10)]
    public int MaxRetries { get; set; } = BalanceDefaults.MaxRetries;

    /// <summary>The delay before the first retry; each next one doubles it, with jitter.</summary>
    /// <value>The default value is 0.5 seconds; from 0 to 1 day.</value>
    [SettingRange("00:00:00", "1.00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = BalanceDefaults.RetryBaseDelay;

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one ends the retries.</summary>
    /// <value>The default value is 10 seconds; from 0 to 1 day.</value>
    [SettingRange("00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = BalanceDefaults.MaxRetryAfter;

    /// <summary>Whether retry delays are jittered.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseJitter { get; set; } = true;
}
