using Microsoft.Extensions.Options;

namespace BalanceClients.Configuration;

/// <summary>The settings of one provider: its server, its resilience, its rate limits, and its named accounts.</summary>
public sealed class ProviderOptions
{
    /// <summary>Replaces the spec's server URL, path prefix included; <see langword="null"/> keeps it.</summary>
    /// <value>The default value is <see langword="null"/>; <c>https://</c>, or <c>http://</c> to a loopback host.</value>
    public Uri? BaseUrl { get; set; }

    /// <summary>Timeouts and retries.</summary>
    [SettingRequired]
    [ValidateObjectMembers]
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>What the provider is sent at most, by every account together.</summary>
    [SettingRequired]
    [ValidateObjectMembers]
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The largest answer body read, in bytes; a larger one is an invalid response.</summary>
    /// <value>The default value is 1 MiB; from 1 byte to 64 MiB.</value>
    [SettingRange(1, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = BalanceDefaults.MaxResponseBytes;

    /// <summary>
    /// The provider's accounts by name, each as its credential settings by key (<c>ApiKey</c>, <c>AuthSecret</c>, <c>ClientId</c>,
    /// <c>ClientSecret</c>, <c>AuthToken</c>, <c>BrokerType</c>). The contract's variables set the account named <c>default</c>.
    /// </summary>
    public IDictionary<string, IDictionary<string, string?>> Accounts { get; } =
        new Dictionary<string, IDictionary<string, string?>>(StringComparer.OrdinalIgnoreCase);
}
