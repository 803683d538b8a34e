using BalanceClients.History;

namespace BalanceClients.Tests.History;

/// <summary>Check results and stored readings made up for the store's tests.</summary>
internal static class Readings
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static BalanceCheckResult Success(string provider, string account, DateTimeOffset time, params BalanceAmount[] amounts) =>
        new(provider, account, new AccountBalance(provider, account, amounts, null, time), null, TimeSpan.Zero);

    public static BalanceCheckResult Telnyx(string account, DateTimeOffset time, decimal available) =>
        Success("telnyx", account, time, new BalanceAmount(AmountKinds.Balance, available - 10, "USD", false),
            new BalanceAmount(AmountKinds.AvailableCredit, available, "USD", true));

    public static BalanceCheckResult Failure(string provider, string account) =>
        new(provider, account, null, new BalanceError(BalanceErrorKind.Unavailable, 503, null, "down"), TimeSpan.Zero);

    public static StoredReading Reading(
        DateTimeOffset time,
        decimal? amount,
        string provider = "undrctrl",
        string account = "default",
        string kind = AmountKinds.Balance) =>
        new(time, provider, account, kind, "USD", amount);

    /// <summary>A reading every <paramref name="step"/> from <paramref name="from"/>, the amount given by its index.</summary>
    public static IEnumerable<StoredReading> Series(
        DateTimeOffset from,
        TimeSpan step,
        int count,
        Func<int, decimal> amount,
        string provider = "undrctrl",
        string account = "default") =>
        Enumerable.Range(0, count).Select(i => Reading(from + (step * i), amount(i), provider, account));

    public static async Task<List<StoredReading>> ToListAsync(this IAsyncEnumerable<StoredReading> readings)
    {
        var list = new List<StoredReading>();
        await foreach (var reading in readings)
        {
            list.Add(reading);
        }

        return list;
    }
}
