namespace BalanceClients.Configuration;

/// <summary>The settings of one provider, shared by all its accounts.</summary>
public sealed class ProviderOptions
{
    /// <summary>Replaces the spec's server URL, path prefix included; <see langword="null"/> keeps it.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Uri? BaseUrl { get; set; }

    /// <summary>Timeouts and retries.</summary>
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>The largest answer body read, in bytes; a larger one is an invalid response.</summary>
    /// <value>The default value is 1 MiB.</value>
    public int MaxResponseBytes { get; set; } = BalanceDefaults.MaxResponseBytes;
}
