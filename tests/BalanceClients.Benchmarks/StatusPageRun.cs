using System.Diagnostics;
using BalanceClients.AspNetCore;
using BalanceClients.AspNetCore.StatusPage;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BalanceClients.Benchmarks;

/// <summary>
/// `status-page [ACCOUNTS] [STORE]`: the status page of 1,000 accounts (by default) whose store holds 30 days of five-minute
/// readings each (8.6 million rows, all raw under the default 90-day retention): the first rendering (the store's thinned
/// read: one reading per account and 4 hours), a rendering from the series already read (each change of the readings within
/// an interval), one an interval later (the store read again from where it was last read), and the page's size plain and
/// gzip. Timed runs, as `history`: the store is built once. STORE is a PostgreSQL URI of an empty database to build it in;
/// by default a SQLite file in a temporary folder.
/// </summary>
internal static class StatusPageRun
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(int accounts, string? location)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"balances-status-page-bench-{Guid.NewGuid():N}");
        var file = location ?? Path.Combine(directory, "balances.db");
        var clock = new FixedClock(Now);
        try
        {
            Directory.CreateDirectory(directory);
            var perAccount = (int)(TimeSpan.FromDays(30) / Step);
            await using (var store = await BalanceStore.OpenAsync(file, new BalanceStoreOptions(), clock))
            {
                for (var i = 0; i < perAccount; i += 288)
                {
                    await store.ImportAsync(Readings(accounts, i, Math.Min(i + 288, perAccount), perAccount));
                }
            }

            var readings = Enumerable.Range(0, accounts).Select(Reading).ToList();
            var state = new BalanceDocuments.Rendered(
                readings,
                readings.Take(accounts / 2).ToDictionary(
                    reading => (reading.Provider, reading.Account),
                    reading => new BalanceRunway(9 * 86_400, Now.AddDays(9), 10m, reading.LastGood!.Primary!.Kind, "USD")),
                new BalanceThresholds(
                    ProviderInfo.All.Select(provider => new BalanceThreshold { Provider = provider.Id, Warning = 1000, Critical = 200 })),
                new BalanceMonitorOptions(),
                IsLeader: true) { Metrics = [], Json = [] };
            await using var history = new BalanceHistory(Options.Create(new BalanceHistoryOptions { Path = file }), clock);
            var source = new StatusPageSource(history, clock);

            var started = Stopwatch.GetTimestamp();
            var page = await source.RenderAsync(state, string.Empty, ready: true);
            var rows = accounts * (long)perAccount;
            Row($"first rendering, {accounts:N0} accounts, {rows:N0} rows in the store, thinned by it", Stopwatch.GetElapsedTime(started));
            var times = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                started = Stopwatch.GetTimestamp();
                page = await source.RenderAsync(state, string.Empty, ready: true);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"| a rendering from the series already read (HTML and gzip), median of 20 | {times[10]:F0} ms |");
            await using (var store = await BalanceStore.OpenAsync(file, new BalanceStoreOptions(), clock))
            {
                await store.ImportAsync(Readings(accounts, perAccount, perAccount + 1, perAccount));
            }

            clock.Now = Now + Step;
            started = Stopwatch.GetTimestamp();
            page = await source.RenderAsync(state, string.Empty, ready: true);
            Row("a rendering an interval later (the store read from where it was last read)", Stopwatch.GetElapsedTime(started));
            Console.WriteLine($"| the page's size | {page.Html.Length / 1024.0:N0} KiB, gzip {page.Gzip.Length / 1024.0:N0} KiB |");
            Console.WriteLine($"| process working set after | {Environment.WorkingSet / 1048576.0:N0} MiB |");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IEnumerable<StoredReading> Readings(int accounts, int from, int to, int perAccount)
    {
        for (var i = from; i < to; i++)
        {
            for (var account = 0; account < accounts; account++)
            {
                yield return new StoredReading(
                    Now - (Step * (perAccount - i)), Provider(account), Name(account), Kind(account), "USD", 5000m - (0.1m * i));
            }
        }
    }

    private static BalanceReading Reading(int account)
    {
        var balance = new AccountBalance(
            Provider(account), Name(account), [new BalanceAmount(Kind(account), 2000m, "USD", true)], null, Now);
        return new BalanceReading(new BalanceCheckResult(Provider(account), Name(account), balance, null, TimeSpan.Zero), balance, Now);
    }

    private static string Provider(int account) => ProviderInfo.All[account % ProviderInfo.All.Count].Id;

    private static string Name(int account) => $"account-{account:D4}";

    private static string Kind(int account) => ProviderInfo.All[account % ProviderInfo.All.Count].PrimaryKind;

    private static void Row(string what, TimeSpan elapsed) => Console.WriteLine($"| {what} | {elapsed.TotalSeconds:F2} s |");
}
