using System.Diagnostics;
using System.Globalization;
using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Notifications;
using Microsoft.Extensions.Logging.Abstractions;

namespace BalanceClients.Benchmarks;

/// <summary>
/// What one reading costs a store: its three steps one by one, the history row (<c>RecordManyAsync</c>, one transaction), the
/// account's runway from the window (<c>EstimateRunwayAsync</c>, a read) and the <c>latest</c> row (<c>SaveLatestAsync</c>, one more
/// commit); then the monitor's recorder (<see cref="BalanceHistoryRecorder"/>) whole, one reading after another and many at once,
/// where it writes the readings that come together in one batch (two commits for all); and, when a level changes, what the
/// webhook's lane writes: the told levels with the message in the outbox (<c>QueueAsync</c>, one transaction), then the message
/// removed once delivered.
/// </summary>
/// <param name="history">The store, as a host holds it.</param>
/// <param name="cpu">The CPU clocks of this process and the store's server.</param>
internal sealed class ReadingCost(BalanceHistory history, ProcessorTime cpu)
{
    private const int Sequential = 1_000;
    private const int LevelChanges = 300;
    private readonly Dictionary<int, int> _steps = [];
    private int _next;

    public async Task MeasureAsync()
    {
        var recorder = new BalanceHistoryRecorder(history, new LatestRunways(), NullLogger<BalanceHistoryRecorder>.Instance);
        for (var i = 0; i < 200; i++)
        {
            await recorder.OnReadingAsync(NextReading());
        }

        await StepsAsync();
        var whole = new Timings();
        var (client, server) = await TimedAsync(async () =>
        {
            for (var i = 0; i < Sequential; i++)
            {
                var reading = NextReading();
                var started = Stopwatch.GetTimestamp();
                await recorder.OnReadingAsync(reading);
                whole.Add(Stopwatch.GetElapsedTime(started));
            }
        });
        StoreCostRun.Row("one reading, the recorder whole (`OnReadingAsync`), one after another", whole.Describe());
        StoreCostRun.Row("CPU per reading, recorded one after another", PerReading(client, server, Sequential));
        foreach (var concurrency in new[] { 4, 16, 64 })
        {
            await ConcurrentAsync(recorder, concurrency);
        }

        await LevelChangesAsync();
    }

    // The recorder's three calls, timed one by one: the figure of `latest` alone is the write it adds to every reading.
    private async Task StepsAsync()
    {
        var store = await history.GetStoreAsync();
        var (record, runway, latest) = (new Timings(), new Timings(), new Timings());
        var (withoutLatest, total) = (new Timings(), new Timings());
        for (var i = 0; i < Sequential; i++)
        {
            var reading = NextReading();
            var started = Stopwatch.GetTimestamp();
            await store.RecordManyAsync([reading.Latest]);
            var recorded = Stopwatch.GetTimestamp();
            var estimate = await store.EstimateRunwayAsync(reading.Provider, reading.Account);
            var estimated = Stopwatch.GetTimestamp();
            await store.SaveLatestAsync([(reading, estimate)], CancellationToken.None);
            var saved = Stopwatch.GetTimestamp();
            record.Add(Stopwatch.GetElapsedTime(started, recorded));
            runway.Add(Stopwatch.GetElapsedTime(recorded, estimated));
            latest.Add(Stopwatch.GetElapsedTime(estimated, saved));
            withoutLatest.Add(Stopwatch.GetElapsedTime(started, estimated));
            total.Add(Stopwatch.GetElapsedTime(started, saved));
        }

        StoreCostRun.Row("the history row (`RecordManyAsync`, one amount, one transaction)", record.Describe());
        StoreCostRun.Row("the runway from the account's 2-day window (`EstimateRunwayAsync`, 576 readings)", runway.Describe());
        StoreCostRun.Row("the `latest` row (`SaveLatestAsync`, one more commit)", latest.Describe());
        StoreCostRun.Row("the history row and the runway, without `latest`, one reading", withoutLatest.Describe());
        StoreCostRun.Row("the three, one reading", total.Describe());
    }

    // Many checks ending at once, as the monitor calls the recorder from each check as it ends (up to MaxConcurrency, 16 by
    // default, and more while readings wait for the store): the readings that come while a batch is written go into the next.
    private async Task ConcurrentAsync(BalanceHistoryRecorder recorder, int concurrency)
    {
        // Made before the run, a millisecond apart, so that no two of one account share a time.
        var start = DateTimeOffset.UtcNow;
        var readings = Enumerable.Range(0, Sequential * 2).Select(i => NextReading(start.AddMilliseconds(i))).ToList();
        var each = new Timings();
        var elapsed = Stopwatch.StartNew();
        var (client, server) = await TimedAsync(() => Parallel.ForEachAsync(
            readings,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (reading, token) =>
            {
                var started = Stopwatch.GetTimestamp();
                await recorder.OnReadingAsync(reading, token);
                lock (each)
                {
                    each.Add(Stopwatch.GetElapsedTime(started));
                }
            }));
        elapsed.Stop();
        StoreCostRun.Row(
            $"{concurrency} readings at once (the recorder whole, {readings.Count:N0} readings)",
            string.Create(
                CultureInfo.InvariantCulture,
                $"{readings.Count / elapsed.Elapsed.TotalSeconds:N0} readings/s; each {each.Describe()}; "
                + $"{PerReading(client, server, readings.Count)}"));
    }

    private async Task LevelChangesAsync()
    {
        var store = await history.GetStoreAsync();
        var (queue, remove) = (new Timings(), new Timings());
        var body = new string('x', 600);
        var (client, server) = await TimedAsync(async () =>
        {
            for (var i = 0; i < LevelChanges; i++)
            {
                var account = StoreFixture.FullAccounts + i;
                var (provider, name) = (StoreFixture.Provider(account), StoreFixture.Name(account));
                var now = DateTimeOffset.UtcNow;
                var id = WebhookHeaders.NewId(now);
                var told = new NotifiedRow("webhook:bench", provider, name, "warning", "ok", now.ToUnixTimeMilliseconds());
                var message = new OutboxRow(
                    0, told.Receiver, provider, name, "warning", id, body, told.Time, 0, told.Time);
                var started = Stopwatch.GetTimestamp();
                await store.QueueAsync(told, null, message, CancellationToken.None);
                var queued = Stopwatch.GetTimestamp();
                await store.RemoveOutboxAsync(id, CancellationToken.None);
                queue.Add(Stopwatch.GetElapsedTime(started, queued));
                remove.Add(Stopwatch.GetElapsedTime(queued));
            }
        });
        StoreCostRun.Row("a level change: told levels and message queued (`QueueAsync`, one transaction)", queue.Describe());
        StoreCostRun.Row("a level change: the message removed once delivered (`RemoveOutboxAsync`)", remove.Describe());
        StoreCostRun.Row("CPU per level change (both)", PerReading(client, server, LevelChanges));
    }

    // The next account of those with a full window, round robin, at its next step, now (or at the given time).
    private BalanceReading NextReading(DateTimeOffset? at = null)
    {
        var account = _next++ % StoreFixture.FullAccounts;
        var step = _steps[account] = _steps.GetValueOrDefault(account, StoreFixture.Depth(account)) + 1;
        return StoreFixture.Reading(account, step, at ?? DateTimeOffset.UtcNow);
    }

    private async Task<(TimeSpan Client, TimeSpan Server)> TimedAsync(Func<Task> work)
    {
        var before = cpu.Now();
        await work();
        var after = cpu.Now();
        return (after.Client - before.Client, after.Server - before.Server);
    }

    private static string PerReading(TimeSpan client, TimeSpan server, int count) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"CPU {client.TotalMilliseconds / count:F3} ms in this process + {server.TotalMilliseconds / count:F3} ms in the server");
}
