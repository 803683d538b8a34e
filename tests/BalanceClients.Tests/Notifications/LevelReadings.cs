using BalanceClients.Monitoring;

namespace BalanceClients.Tests.Notifications;

/// <summary>Monitor readings at a given level, as the notifier receives them.</summary>
internal static class LevelReadings
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A successful check: the primary balance <paramref name="amount"/> USD, found at <paramref name="level"/>.</summary>
    public static BalanceReading Reading(
        BalanceLevel level, decimal amount, string provider = "undrctrl", string account = "default", int minute = 0)
    {
        var at = Start.AddMinutes(minute);
        var balance = new AccountBalance(provider, account, [new BalanceAmount(AmountKinds.Balance, amount, "USD", true)], null, at);
        return new BalanceReading(new BalanceCheckResult(provider, account, balance, null, TimeSpan.Zero) { Level = level }, balance, at);
    }

    /// <summary>A failed check (level unknown), with the error the checker reported.</summary>
    public static BalanceReading Failure(BalanceError error, string provider = "telnyx", string account = "eu", int minute = 0)
    {
        var at = Start.AddMinutes(minute);
        return new BalanceReading(new BalanceCheckResult(provider, account, null, error, TimeSpan.Zero), null, at);
    }
}
