using System.Globalization;
using BalanceClients;
using BalanceClients.History;

// dotnet BalanceClients.StoreWriter.dll STORE ACCOUNT FIRST-TIME-MS [COUNT]
// Records one Telnyx result (four amounts, one transaction) per second of time from FIRST-TIME-MS, result i's amounts being
// i.25, i.50, i.75 and i; prints "committed i." once result i is committed; stops after COUNT results, or when killed.
var (path, account) = (args[0], args[1]);
var first = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[2], CultureInfo.InvariantCulture));
var count = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : int.MaxValue;
await using var store = await BalanceStore.OpenAsync(
    path, new BalanceStoreOptions { RawRetention = null, BusyTimeout = TimeSpan.FromSeconds(30) });
for (var i = 0; i < count; i++)
{
    await store.RecordAsync(Result(account, first.AddSeconds(i), i));
    Console.Out.WriteLine($"committed {i}.");
}

static BalanceCheckResult Result(string account, DateTimeOffset time, int i)
{
    BalanceAmount[] amounts =
    [
        new(AmountKinds.Balance, i + 0.25m, "USD", false),
        new(AmountKinds.Pending, i + 0.50m, "USD", false),
        new(AmountKinds.CreditLimit, i + 0.75m, "USD", false),
        new(AmountKinds.AvailableCredit, i, "USD", true),
    ];
    return new BalanceCheckResult("telnyx", account, new AccountBalance("telnyx", account, amounts, null, time), null, TimeSpan.Zero);
}
