using BalanceClients.Configuration;

namespace BalanceClients.History;

/// <summary>
/// The history of a host that records its monitor's readings (configuration <c>Balances:History</c>): where the store is, how long
/// its raw readings are kept, and how often the retention runs.
/// </summary>
public sealed class BalanceHistoryOptions
{
    /// <summary>The store's file; created with its folder when missing.</summary>
    /// <value>There is no default: a host names its file (<c>balances serve</c> uses <c>--store</c>, <c>BALANCES_STORE</c> or the XDG
    /// state folder).</value>
    [SettingRequired(ErrorMessage = "{0} is not set: the history needs the path of its store.")]
    public string? Path { get; set; }

    /// <summary>
    /// How long raw readings are kept before they are thinned to one per hour (<see cref="BalanceStoreOptions.RawRetention"/>).
    /// </summary>
    /// <value>The default value is 90 days; at least 1 hour; <see langword="null"/> keeps every reading.</value>
    [SettingRange("01:00:00")]
    public TimeSpan? RawRetention { get; set; } = HistoryDefaults.RawRetention;

    /// <summary>How often the retention runs while the host runs (it also runs when the store is opened).</summary>
    /// <value>The default value is 1 day; from 1 minute to 7 days.</value>
    [SettingRange("00:01:00", "7.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = HistoryDefaults.RetentionInterval;
}
