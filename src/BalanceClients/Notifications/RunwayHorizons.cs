using System.Runtime.InteropServices;

namespace BalanceClients.Notifications;

/// <summary>The runway horizons that apply to an account, as the thresholds were when its reading was taken.</summary>
/// <param name="Warning">The horizon under which its runway is at warning; <see langword="null"/> for none.</param>
/// <param name="Critical">The horizon under which its runway is at critical; <see langword="null"/> for none.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct RunwayHorizons(TimeSpan? Warning, TimeSpan? Critical)
{
    /// <summary>The horizons of an account in a set of thresholds.</summary>
    /// <param name="thresholds">The thresholds.</param>
    /// <param name="provider">The account's provider id.</param>
    /// <param name="account">The account's name.</param>
    /// <returns>The horizons.</returns>
    public static RunwayHorizons Of(BalanceThresholds thresholds, string provider, string account) => new(
        thresholds.RunwayHorizonOf(provider, account, BalanceLevel.Warning),
        thresholds.RunwayHorizonOf(provider, account, BalanceLevel.Critical));

    /// <summary>The horizon of a runway level.</summary>
    /// <param name="level">Warning or critical.</param>
    /// <returns>The horizon; <see langword="null"/> when none is set, or for another level.</returns>
    public TimeSpan? Of(BalanceLevel level) => level switch
    {
        BalanceLevel.Warning => Warning,
        BalanceLevel.Critical => Critical,
        _ => null,
    };
}
