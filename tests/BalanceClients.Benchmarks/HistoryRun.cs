using System.Diagnostics;
using BalanceClients.History;
using Microsoft.Data.Sqlite;

namespace BalanceClients.Benchmarks;

/// <summary>
/// `history`: a year of five-minute readings of 100 accounts in a store (10.5 million rows): insert throughput, file size raw
/// and thinned, the time of all 100 runways, and the cost of recording one reading. Timed runs, not BenchmarkDotNet: the
/// store is built once and is far larger than BenchmarkDotNet's iterations would want to rebuild.
/// </summary>
internal static class HistoryRun
{
    private const int Accounts = 100;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(string? folder)
    {
        var directory = Path.Combine(folder ?? Path.GetTempPath(), $"balances-history-bench-{Guid.NewGuid():N}");
        var file = Path.Combine(directory, "balances.db");
        var clock = new FixedClock(Now);
        var keepAll = new BalanceStoreOptions { RawRetention = null };
        try
        {
            var readingsPerAccount = (int)(TimeSpan.FromDays(365) / Step);
            await using (var store = await BalanceStore.OpenAsync(file, keepAll, clock))
            {
                var inserted = Stopwatch.StartNew();
                var rows = 0;
                for (var day = 0; day < 365; day++)
                {
                    rows += await store.ImportAsync(Day(day, readingsPerAccount));
                }

                inserted.Stop();
                Row(
                    "insert (one transaction per day of 100 accounts, `ImportAsync`)",
                    $"{rows:N0} rows in {inserted.Elapsed.TotalSeconds:F1} s: {rows / inserted.Elapsed.TotalSeconds:N0} rows/s");
            }

            Row("file size, a raw year", Megabytes(new FileInfo(file).Length));

            await MeasureAsync(file, keepAll, clock);

            var thinned = Stopwatch.StartNew();
            await using (var store = await BalanceStore.OpenAsync(file, new BalanceStoreOptions(), clock))
            {
                thinned.Stop();
                Row("first retention (90 days raw, then hourly), run by `OpenAsync`", $"{thinned.Elapsed.TotalSeconds:F1} s");
            }

            Row("file size, a thinned year (after `VACUUM INTO`)", Megabytes(Vacuumed(file)));
            Row("file size, the same before `VACUUM` (freed pages stay in the file)", Megabytes(new FileInfo(file).Length));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    // Runways, recording and reading, on the year's store.
    private static async Task MeasureAsync(string file, BalanceStoreOptions options, TimeProvider clock)
    {
        await using var store = await BalanceStore.OpenAsync(file, options, clock);
        // The first call is what a `balances check` process sees (its code not yet compiled by the JIT); a `serve` sees the later ones.
        var first = Stopwatch.GetTimestamp();
        var runways = await store.EstimateRunwaysAsync();
        var cold = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
        var times = new List<double>();
        for (var i = 0; i < 80; i++)
        {
            var started = Stopwatch.GetTimestamp();
            runways = await store.EstimateRunwaysAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times = times[50..];
        Row(
            $"all {runways.Count} runways (`EstimateRunwaysAsync`, {runways.Count(r => r.Runway is not null)} with a runway)",
            $"first call {cold:F1} ms; then median {Median(times):F1} ms, max {times.Max():F1} ms (30 runs after 50)");
        Row("one reading recorded (`RecordAsync`, one amount, one transaction)", await RecordOneAsync(store, 1));
        Row("one Telnyx result recorded (four amounts, one transaction)", await RecordOneAsync(store, 4));

        var last = Stopwatch.StartNew();
        var count = 0;
        await foreach (var reading in store.ReadAsync(since: Now.AddDays(-1)))
        {
            count += reading.Amount is null ? 0 : 1;
        }

        Row("read the last day of every account (`ReadAsync`, streamed)", $"{count:N0} rows in {last.Elapsed.TotalMilliseconds:F0} ms");
    }

    // Day d of the year: every account's readings that day, time-major, as a monitor would record them. Each account burns at
    // its own rate (0.05 to 0.50 a reading) and is topped up by 5,000 when it falls below 100.
    private static IEnumerable<StoredReading> Day(int day, int readingsPerAccount)
    {
        var first = Now - (Step * readingsPerAccount);
        for (var i = day * 288; i < Math.Min((day + 1) * 288, readingsPerAccount); i++)
        {
            for (var account = 0; account < Accounts; account++)
            {
                var burn = 0.05m + (0.05m * (account % 10));
                var spent = burn * i % 4900m;
                yield return new StoredReading(
                    first + (Step * (i + 1)), Provider(account), $"account-{account:D3}", Kind(account), "USD", 5000m - spent);
            }
        }
    }

    private static string Provider(int account) => ProviderInfo.All[account % ProviderInfo.All.Count].Id;

    private static string Kind(int account) => ProviderInfo.All[account % ProviderInfo.All.Count].PrimaryKind;

    private static async Task<string> RecordOneAsync(BalanceStore store, int amounts)
    {
        var times = new List<double>();
        for (var i = 0; i < 1000; i++)
        {
            var balance = new AccountBalance(
                "telnyx",
                "bench",
                [.. Enumerable.Range(0, amounts).Select(k => new BalanceAmount($"kind-{k}", 100m - (i / 100m), "USD", k == 0))],
                null,
                Now.AddMilliseconds((amounts * 10_000) + i));
            var result = new BalanceCheckResult("telnyx", "bench", balance, null, TimeSpan.Zero);
            var started = Stopwatch.GetTimestamp();
            await store.RecordAsync(result);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return $"median {Median(times):F3} ms, 99th percentile {times[(int)(times.Count * 0.99)]:F3} ms (1,000 records)";
    }

    private static long Vacuumed(string file)
    {
        var copy = file + ".vacuumed";
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $copy";
            command.Parameters.AddWithValue("$copy", copy);
            command.ExecuteNonQuery();
        }

        return new FileInfo(copy).Length;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Megabytes(long bytes) => $"{bytes / 1048576.0:F0} MiB ({bytes:N0} bytes)";

    private static void Row(string what, string figure) => Console.WriteLine($"| {what} | {figure} |");
}
