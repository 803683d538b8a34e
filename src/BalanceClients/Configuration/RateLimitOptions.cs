namespace BalanceClients.Configuration;

/// <summary>
/// What one provider is sent at most, by every account, check and retry of this process together: requests started per
/// second, and requests in flight at once. A request waits for its turn within the check's deadline.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>
    /// How many requests a second the provider is sent at most, spread evenly (one every 1/<c>RequestsPerSecond</c> seconds,
    /// with no burst): in any interval of <c>t</c> seconds, at most <c>t × RequestsPerSecond</c> requests, plus one.
    /// </summary>
    /// <value>The default value is <see langword="null"/>, no limit; from 0.001 (one every 1000 s) to 10000.</value>
    [SettingRange(0.001, 10000.0)]
    public double? RequestsPerSecond { get; set; }

    /// <summary>How many requests to the provider are in flight at once at most.</summary>
    /// <value>The default value is <see langword="null"/>, bounded only by the checker's <c>MaxConcurrency</c>; from 1 to 1024.</value>
    [SettingRange(1, 1024)]
    public int? MaxConcurrency { get; set; }
}
