using BalanceClients.Configuration;

namespace BalanceClients;

/// <summary>
/// A warning and a critical level for one kind of amount of a provider's accounts (configuration
/// <c>Balances:Thresholds</c>, or the CLI's <c>--warn</c> and <c>--min</c>). An amount strictly below a level is at that level.
/// Runway levels (<see cref="RunwayWarning"/>, <see cref="RunwayCritical"/>) are horizons for the primary amount's runway: a
/// runway strictly shorter than one is at that level.
/// </summary>
public sealed class BalanceThreshold
{
    /// <summary>The provider id.</summary>
    public string Provider { get; set; } = string.Empty;

    /// <summary>The account's name; <see langword="null"/> for every account of the provider.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Account { get; set; }

    /// <summary>The kind of amount (<see cref="AmountKinds"/>); <see langword="null"/> for the provider's primary amount.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Kind { get; set; }

    /// <summary>The amount below which the account is at <see cref="BalanceLevel.Warning"/>; <see langword="null"/> for none.</summary>
    public decimal? Warning { get; set; }

    /// <summary>The amount below which the account is at <see cref="BalanceLevel.Critical"/>; <see langword="null"/> for none.</summary>
    public decimal? Critical { get; set; }

    /// <summary>
    /// The runway below which the account's primary amount is at <see cref="BalanceLevel.Warning"/> (health <c>Degraded</c>);
    /// <see langword="null"/> for none. Configuration writes it as a time span: <c>7.00:00:00</c> for a week.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; from 1 minute to 3650 days.</value>
    [SettingRange("00:01:00", "3650.00:00:00")]
    public TimeSpan? RunwayWarning { get; set; }

    /// <summary>
    /// The runway below which the account's primary amount is at <see cref="BalanceLevel.Critical"/> (health <c>Unhealthy</c>);
    /// <see langword="null"/> for none.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; from 1 minute to 3650 days.</value>
    [SettingRange("00:01:00", "3650.00:00:00")]
    public TimeSpan? RunwayCritical { get; set; }

    /// <summary>Whether this threshold sets an amount level (<see cref="Warning"/> or <see cref="Critical"/>).</summary>
    public bool HasAmountLevels => Warning is not null || Critical is not null;

    /// <summary>Whether this threshold sets a runway level (<see cref="RunwayWarning"/> or <see cref="RunwayCritical"/>).</summary>
    public bool HasRunwayLevels => RunwayWarning is not null || RunwayCritical is not null;

    /// <summary>
    /// Where this threshold's levels contradict each other: a warning level below the critical one (or a runway warning shorter
    /// than the runway critical) could never warn first. The one rule for configured thresholds and the command line's flags.
    /// </summary>
    /// <returns>Each contradiction, as the end of a sentence that names the threshold.</returns>
    internal IEnumerable<string> LevelContradictions()
    {
        if (Warning < Critical)
        {
            yield return "its Warning level is below its Critical level, so it could never warn first";
        }

        if (RunwayWarning < RunwayCritical)
        {
            yield return "its RunwayWarning is shorter than its RunwayCritical, so it could never warn first";
        }
    }

    /// <summary>Whether this threshold is about the same amounts as another (same provider, account and kind).</summary>
    /// <param name="other">The other threshold.</param>
    /// <returns>Whether they have the same target.</returns>
    public bool HasSameTarget(BalanceThreshold other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Provider, other.Provider, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Account, other.Account, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Kind, other.Kind, StringComparison.Ordinal);
    }

    /// <summary>Whether this threshold is about an amount of an account.</summary>
    /// <param name="provider">The account's provider id.</param>
    /// <param name="account">The account's name.</param>
    /// <param name="amount">The amount.</param>
    /// <returns>Whether the amount is one this threshold is about.</returns>
    public bool AppliesTo(string provider, string account, BalanceAmount amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        return AppliesTo(provider, account)
            && (Kind is null ? amount.IsPrimary : string.Equals(amount.Kind, Kind, StringComparison.Ordinal));
    }

    /// <summary>Whether this threshold is about an account.</summary>
    /// <param name="provider">The account's provider id.</param>
    /// <param name="account">The account's name.</param>
    /// <returns>Whether the account is one this threshold is about.</returns>
    public bool AppliesTo(string provider, string account) =>
        string.Equals(Provider, provider, StringComparison.OrdinalIgnoreCase)
        && (Account is null || string.Equals(Account, account, StringComparison.OrdinalIgnoreCase));

    /// <summary>The level of an amount this threshold applies to.</summary>
    /// <param name="amount">The amount, <see langword="null"/> when the provider gave none.</param>
    /// <returns>Critical or warning when below that level, unknown when there is no amount, otherwise ok.</returns>
    public BalanceLevel LevelOf(decimal? amount) => amount switch
    {
        null => BalanceLevel.Unknown,
        { } value when value < Critical => BalanceLevel.Critical,
        { } value when value < Warning => BalanceLevel.Warning,
        _ => BalanceLevel.Ok,
    };

    /// <summary>The level of a runway of the amount this threshold applies to.</summary>
    /// <param name="remaining">The time left; <see langword="null"/> when no runway is known (no spending, too little history).</param>
    /// <returns>Critical or warning when shorter than that horizon, otherwise ok.</returns>
    public BalanceLevel RunwayLevelOf(TimeSpan? remaining) => remaining switch
    {
        { } value when value < RunwayCritical => BalanceLevel.Critical,
        { } value when value < RunwayWarning => BalanceLevel.Warning,
        _ => BalanceLevel.Ok,
    };

    /// <inheritdoc />
    public override string ToString() =>
        $"{Provider}{(Account is null ? string.Empty : "/" + Account)}{(Kind is null ? string.Empty : "." + Kind)} "
        + $"(warning {Warning?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, "
        + $"critical {Critical?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"
        + (HasRunwayLevels
            ? $"; runway warning {RunwayWarning?.ToString("c", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, "
                + $"runway critical {RunwayCritical?.ToString("c", System.Globalization.CultureInfo.InvariantCulture) ?? "-"})"
            : ")");
}
