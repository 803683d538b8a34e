using System.Diagnostics;
using System.Globalization;
using BalanceClients.History;
using Microsoft.Extensions.Logging.Abstractions;

namespace BalanceClients.Benchmarks;

/// <summary>
/// What following costs: a replica that does not lead reads the store's <c>latest</c> table every
/// <see cref="Monitoring.MonitorDefaults.FollowInterval"/> (<see cref="StoreReadings"/>: the first time every row, then the rows
/// changed since, each document parsed, with the runway the leader carried in it). Measured: the first poll (what a replica
/// starting, or a follower after a restart, pays), polls where nothing changed, and polls after the leader recorded one follow
/// interval's readings at the default 300 s interval (accounts × 2 s / 300 s, from the accounts with a full window).
/// </summary>
/// <param name="history">The store, as a host holds it.</param>
/// <param name="cpu">The CPU clocks of this process and the store's server.</param>
/// <param name="accounts">How many accounts the store holds.</param>
internal sealed class FollowerCost(BalanceHistory history, ProcessorTime cpu, int accounts)
{
    private const int Rounds = 10;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async Task MeasureAsync()
    {
        var follower = new StoreReadings(history, new LatestRunways(), NullLogger<StoreReadings>.Instance);
        var first = await PollAsync(follower);
        StoreCostRun.Row("the first poll (every row read)", first.Describe());

        var (unchanged, changed) = (new List<Poll>(), new List<Poll>());
        for (var i = 0; i < Rounds; i++)
        {
            unchanged.Add(await PollAsync(follower));
        }

        var store = await history.GetStoreAsync();
        var perPoll = (int)Math.Round(accounts * Monitoring.MonitorDefaults.FollowInterval.TotalSeconds / Interval.TotalSeconds);
        for (var round = 0; round < Rounds; round++)
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < perPoll; i++)
            {
                var account = ((round * perPoll) + i) % StoreFixture.FullAccounts;
                var reading = StoreFixture.Reading(account, 1_000 + round, now);
                await store.SaveLatestAsync([(reading, StoreFixture.RunwayOf(account, 1_000 + round, now))], CancellationToken.None);
            }

            changed.Add(await PollAsync(follower));
        }

        StoreCostRun.Row($"a poll where nothing changed ({Rounds} polls)", Poll.Describe(unchanged));
        StoreCostRun.Row($"a poll after {perPoll:N0} readings changed ({Rounds} polls)", Poll.Describe(changed));
        var steady = changed.Average(p => (p.Client + p.Server).TotalSeconds) / Monitoring.MonitorDefaults.FollowInterval.TotalSeconds;
        StoreCostRun.Row(
            "following: CPU per second (a poll after changes, every 2 s)",
            string.Create(CultureInfo.InvariantCulture, $"{steady * 100:F1} % of a core"));
        StoreCostRun.Row($"of a poll: the {accounts:N0} documents parsed alone (`LatestReadingJson.ReadingOf`)", ParseAlone());
    }

    // The part of a poll that is the same on both stores: each row's JSON document made a reading again.
    private string ParseAlone()
    {
        var now = DateTimeOffset.UtcNow;
        var rows = Enumerable.Range(0, accounts)
            .Select(a => LatestReadingJson.RowOf(StoreFixture.Reading(a, 0, now), StoreFixture.RunwayOf(a, 0, now)))
            .ToList();
        var times = new Timings();
        var before = cpu.Now();
        for (var round = 0; round < Rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            _ = rows.Select(LatestReadingJson.ReadingOf).Count(reading => reading is not null);
            times.Add(Stopwatch.GetElapsedTime(started));
        }

        var client = (cpu.Now().Client - before.Client).TotalMilliseconds / Rounds;
        return string.Create(CultureInfo.InvariantCulture, $"{times.Describe()}; CPU {client:F0} ms");
    }

    private async Task<Poll> PollAsync(StoreReadings follower)
    {
        var before = cpu.Now();
        var allocated = GC.GetTotalAllocatedBytes();
        var started = Stopwatch.GetTimestamp();
        var readings = await follower.ReadLatestAsync(CancellationToken.None)
            ?? throw new InvalidOperationException("The store's latest readings could not be read.");
        var elapsed = Stopwatch.GetElapsedTime(started);
        var after = cpu.Now();
        if (readings.Count != accounts)
        {
            throw new InvalidOperationException($"The store gave {readings.Count} latest readings, not {accounts}.");
        }

        return new Poll(elapsed, after.Client - before.Client, after.Server - before.Server, GC.GetTotalAllocatedBytes() - allocated);
    }

    private sealed record Poll(TimeSpan Elapsed, TimeSpan Client, TimeSpan Server, long Allocated)
    {
        public static string Describe(List<Poll> polls)
        {
            var times = new Timings();
            polls.ForEach(poll => times.Add(poll.Elapsed));
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{times.Describe()}; CPU {polls.Average(p => p.Client.TotalMilliseconds):F0} ms in this process + "
                + $"{polls.Average(p => p.Server.TotalMilliseconds):F0} ms in the server; "
                + $"{polls.Average(p => p.Allocated) / 1048576.0:F0} MiB allocated");
        }

        public string Describe() => Describe([this]);
    }
}
