namespace BalanceClients.Configuration;

/// <summary>The defaults of the checker's settings, in one place; what each accepts is on its property.</summary>
internal static class BalanceDefaults
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public const int MaxConcurrency = 16;

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public const int MaxRetries = 2;

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(0.5);

    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);

    public const int MaxResponseBytes = 1024 * 1024;
}
