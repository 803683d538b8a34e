using BalanceClients.Configuration;

namespace BalanceClients.History;

/// <summary>How a store of readings keeps them, and how long a writer waits for another.</summary>
public sealed class BalanceStoreOptions
{
    /// <summary>How long raw readings are kept; older ones are thinned to the last of each UTC hour per series.</summary>
    /// <value>The default value is 90 days; at least 1 hour; <see langword="null"/> keeps every reading.</value>
    [SettingRange("01:00:00")]
    public TimeSpan? RawRetention { get; set; } = HistoryDefaults.RawRetention;

    /// <summary>How long a write waits while another connection or process writes to the same file.</summary>
    /// <value>The default value is 5 seconds; from 0 to 10 minutes.</value>
    [SettingRange("00:00:00", "00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = HistoryDefaults.BusyTimeout;

    /// <summary>
    /// Whether <see cref="BalanceStore.OpenAsync"/> applies the retention (<see cref="BalanceStore.ApplyRetentionAsync"/>).
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ApplyRetentionOnOpen { get; set; } = true;

    /// <summary>A copy of the options (a caller's later changes do not reach the store), checked.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range; the message names it.</exception>
    internal static BalanceStoreOptions CheckedCopy(BalanceStoreOptions? options)
    {
        var copy = options is null ? new BalanceStoreOptions() : new BalanceStoreOptions
        {
            RawRetention = options.RawRetention,
            BusyTimeout = options.BusyTimeout,
            ApplyRetentionOnOpen = options.ApplyRetentionOnOpen,
        };
        Validate(copy);
        return copy;
    }

    /// <summary>Checks the values.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range; the message names it.</exception>
    internal static void Validate(BalanceStoreOptions options)
    {
        if (new BalanceStoreOptionsValidator().Validate(null, options) is { Failed: true } result)
        {
            throw new ArgumentOutOfRangeException(nameof(options), result.Failures.First());
        }
    }
}
