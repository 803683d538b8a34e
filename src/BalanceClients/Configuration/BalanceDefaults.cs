namespace BalanceClients.Configuration;

/// <summary>The defaults of the contract's resilience and of the check, in one place.</summary>
internal static class BalanceDefaults
{
    /// <summary>The name of the configuration section the library reads.</summary>
    public const string SectionName = "Balances";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public const int MaxConcurrency = 16;

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public const int MaxRetries = 2;

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(0.5);

    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);

    public const int MaxResponseBytes = 1024 * 1024;
}
