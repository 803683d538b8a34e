using System.Runtime.InteropServices;

namespace BalanceClients.Notifications;

/// <summary>What a webhook is told of an account: its level, and the level of its runway beside it.</summary>
/// <param name="Level">The account's level.</param>
/// <param name="RunwayLevel">
/// How its runway compares with the runway horizons: <see cref="BalanceLevel.Ok"/>, <see cref="BalanceLevel.Warning"/> or
/// <see cref="BalanceLevel.Critical"/>; ok when no runway, or no horizon, is known.
/// </param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct AccountLevels(BalanceLevel Level, BalanceLevel RunwayLevel)
{
    /// <summary>Both levels ok: the state that is no news for an account first read.</summary>
    public static AccountLevels Ok => new(BalanceLevel.Ok, BalanceLevel.Ok);
}
