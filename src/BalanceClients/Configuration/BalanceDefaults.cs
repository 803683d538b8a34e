namespace BalanceClients.Configuration;

/// <summary>The defaults and accepted ranges of every setting, in one place.</summary>
internal static class BalanceDefaults
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(1);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    public const int MaxConcurrency = 16;
    public const int MaxMaxConcurrency = 1024;

    // Polly's own range for a timeout strategy.
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MinAttemptTimeout = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromDays(1);

    public const int MaxRetries = 2;
    public const int MaxMaxRetries = 10;

    // Polly's own range for a retry delay.
    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(0.5);
    public static readonly TimeSpan MaxRetryBaseDelay = TimeSpan.FromDays(1);

    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxMaxRetryAfter = TimeSpan.FromDays(1);

    public const int MaxResponseBytes = 1024 * 1024;
    public const int MaxMaxResponseBytes = 64 * 1024 * 1024;

    public static readonly TimeSpan MinRunwayHorizon = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRunwayHorizon = TimeSpan.FromDays(3650);
}
