using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalanceClients.Tests.History;

/// <summary>
/// The monitor's recorder on both kinds of store: readings that come while a batch is written go together into the next (one
/// transaction for their history rows, then one for the latest rows that come together), and each lands whole, its runway set, as if
/// written alone. Another writer holding the store (<see cref="StoreWriteHold"/>) makes the readings come while the first batch
/// waits.
/// </summary>
public sealed class BalanceHistoryRecorderTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task OnReadingAsync_ReadingsThatComeTogether_WrittenInFewerTransactionsEachWithItsRowsAndRunway(StoreKind kind)
    {
        await using var test = await RecorderTest.StartAsync(kind);
        var accounts = Enumerable.Range(0, 40).Select(i => $"a{i:D2}").ToList();
        await test.SeedAsync(accounts);
        var commits = await StoreCommits.StartAsync(test.Place);

        // On PostgreSQL the latest rows are held too, until every runway is read: the latest rows then come while one batch waits.
        // SQLite has one lock for both tables: there they come as their runways are read.
        await using var latestHold = kind == StoreKind.PostgreSql ? await StoreWriteHold.TakeAsync(test.Place, "balances_latest") : null;
        var recorded = await test.RecordTogetherAsync(accounts.Select(a => Reading(a, Readings.Start, 88m)));
        if (latestHold is not null)
        {
            await Bounded.UntilAsync(_ => Task.FromResult(test.Runways.All.Count == accounts.Count), "every runway set");
            await latestHold.ReleaseAsync();
        }

        await Task.WhenAll(recorded).WithinLimit("40 readings recorded");

        // One by one, the 40 readings would be 80 transactions. Held, their history rows are at most two (the batch that waited and
        // the rest). Where held, so are their latest rows (a third if one came late); on SQLite they come as their runways are read,
        // usually many to a transaction, but not always (all 40 alone once in about twenty runs): only their total is certain.
        Assert.InRange(await commits.CountAsync("readings"), 1, 2);
        Assert.InRange(await commits.CountAsync("latest"), 1, kind == StoreKind.PostgreSql ? 3 : accounts.Count);
        var history = await test.Store.ReadAsync(since: Readings.Start).ToListAsync();
        Assert.Equal(
            accounts.SelectMany(a => new[] { (a, AmountKinds.AvailableCredit, 88m), (a, AmountKinds.Balance, 78m) }).Order(),
            history.Select(r => (r.Account, r.Kind, r.Amount!.Value)).Order());
        var latest = await LatestAsync(test.Store);
        Assert.Equal(accounts, latest.Select(r => r.Account));
        Assert.All(latest, r => Assert.Equal(88m, r.LastGood!.Primary!.Amount));
        var carried = (await test.Store.ReadLatestAsync(since: null, CancellationToken.None)).Rows
            .Select(row => LatestReadingJson.ReadingOf(row)!).ToDictionary(l => l.Reading.Account, l => l.Runway);
        foreach (var account in accounts)
        {
            var expected = await test.Store.EstimateRunwayAsync("telnyx", account);
            Assert.NotNull(expected);
            Assert.Equal(expected, test.Runways.Of("telnyx", account));
            Assert.Equal(expected, carried[account]);
        }
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task OnReadingAsync_ReadingTheStoreRefusesInABatch_CostsOnlyItself(StoreKind kind)
    {
        await using var test = await RecorderTest.StartAsync(kind);
        var bad = Readings.Success("telnyx", "bad", Readings.Start, new BalanceAmount(AmountKinds.AvailableCredit, 5m, " ", true));
        BalanceReading[] readings =
        [
            Reading("first", Readings.Start, 10m), new(bad, bad.Balance, Readings.Start),
            .. Enumerable.Range(0, 8).Select(i => Reading($"good{i}", Readings.Start, 20m + i)),
        ];

        var recorded = await test.RecordTogetherAsync(readings);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => recorded[1].WithinLimit("the refused reading"));
        Assert.StartsWith("Reading 1 has no currency.", refused.Message, StringComparison.Ordinal);
        await Task.WhenAll(recorded.Where((_, i) => i != 1)).WithinLimit("the other readings");
        var latest = await LatestAsync(test.Store);
        Assert.Equal(
            ["first", .. Enumerable.Range(0, 8).Select(i => $"good{i}")],
            latest.Select(r => r.Account).Order(StringComparer.Ordinal));
        Assert.Equal(18, (await test.Store.ReadAsync().ToListAsync()).Count);
        Assert.Empty(test.Logs.Lines);
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task OnReadingAsync_NewerAndOlderReadingOfAnAccountTogether_TheNewerStaysLatest(StoreKind kind)
    {
        await using var test = await RecorderTest.StartAsync(kind);

        var recorded = await test.RecordTogetherAsync(
            [Reading("other", Readings.Start, 1m), Reading("eu", Readings.Start + Step, 50m), Reading("eu", Readings.Start, 70m)]);
        await Task.WhenAll(recorded).WithinLimit("three readings recorded");

        var latest = await LatestAsync(test.Store);
        Assert.Equal(50m, Assert.Single(latest, r => r.Account == "eu").LastGood!.Primary!.Amount);
        Assert.Equal(2, (await test.Store.ReadAsync(account: "eu").ToListAsync()).Count / 2);
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task OnReadingAsync_OneCallerCancelledInABatch_ReturnsAtOnceAndTheOthersAreWrittenWhole(StoreKind kind)
    {
        await using var test = await RecorderTest.StartAsync(kind);
        using var cancelled = new CancellationTokenSource();

        var recorded = await test.RecordTogetherAsync(
            Enumerable.Range(0, 5).Select(i => Reading($"a{i}", Readings.Start, 10m + i)),
            i => i == 2 ? cancelled.Token : CancellationToken.None,
            () => cancelled.CancelAsync());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recorded[2].WithinLimit("the cancelled caller"));
        await Task.WhenAll(recorded.Where((_, i) => i != 2)).WithinLimit("the other readings");
        var latest = await LatestAsync(test.Store);
        Assert.Equal(["a0", "a1", "a3", "a4"], latest.Select(r => r.Account));
        Assert.Equal(
            ["a0", "a1", "a2", "a3", "a4"], (await test.Store.ReadAsync().ToListAsync()).Select(r => r.Account).Distinct().Order());
        Assert.Null(test.Runways.Of("telnyx", "a2"));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task OnReadingAsync_MonitorStopsWhileTheStoreIsHeld_EveryCallerReturnsAndLaterReadingsAreWritten(StoreKind kind)
    {
        await using var test = await RecorderTest.StartAsync(kind);
        using var stopping = new CancellationTokenSource();
        await using var hold = await StoreWriteHold.TakeAsync(test.Place);
        var recorded = Enumerable.Range(0, 5)
            .Select(i => test.Recorder.OnReadingAsync(Reading($"a{i}", Readings.Start, 10m + i), stopping.Token)).ToList();

        await stopping.CancelAsync();

        foreach (var call in recorded)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WithinLimit("a caller of a stopped monitor"));
        }

        await hold.ReleaseAsync();
        await test.Recorder.OnReadingAsync(Reading("after", Readings.Start, 1m)).WithinLimit("a reading after the stop");
        var latest = await LatestAsync(test.Store);
        Assert.Contains("after", latest.Select(r => r.Account));
    }

    [Fact]
    public async Task OnReadingAsync_StoreThatCannotBeOpened_LogsEveryReadingOfTheBatchAndReturns()
    {
        using var folder = new StoreFolder();
        var file = folder.File("notes.db");
        await File.WriteAllTextAsync(file, "not a database");
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        await using var history = new BalanceHistory(Options.Create(new BalanceHistoryOptions { Path = file }), TimeProvider.System);
        var recorder = new BalanceHistoryRecorder(history, new LatestRunways(), factory.CreateLogger<BalanceHistoryRecorder>());

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => recorder.OnReadingAsync(Reading($"a{i}", Readings.Start, i))))
            .WithinLimit("six readings");

        Assert.Equal(
            Enumerable.Range(0, 6).Select(i => $"telnyx/a{i} was not recorded: {file} is not a SQLite database").Order(),
            logs.Lines.Select(line => line[line.IndexOf("telnyx/", StringComparison.Ordinal)..line.IndexOf(';', StringComparison.Ordinal)])
                .Order());
    }

    private static BalanceReading Reading(string account, DateTimeOffset time, decimal available)
    {
        var result = Readings.Telnyx(account, time, available);
        return new BalanceReading(result, result.Balance, time);
    }

    // A recorder on a store of one kind, opened as a host opens it, on a clock that stands at Readings.Start.
    // Every account's latest reading in the store, in the contract's order.
    private static async Task<List<BalanceReading>> LatestAsync(BalanceStore store) =>
        [.. (await store.ReadLatestAsync(since: null, CancellationToken.None)).Rows
            .Select(row => LatestReadingJson.ReadingOf(row)!.Reading)
            .OrderBy(r => r.Provider, StringComparer.Ordinal).ThenBy(r => r.Account, StringComparer.Ordinal)];

    private sealed class RecorderTest : IAsyncDisposable
    {
        private readonly StorePlace _place;
        private readonly BalanceHistory _history;
        private readonly ILoggerFactory _factory;

        private RecorderTest(StorePlace place, BalanceHistory history, BalanceStore store, CapturingLoggerProvider logs)
        {
            _place = place;
            _history = history;
            Store = store;
            Logs = logs;
            _factory = LoggerFactory.Create(logging => logging.AddProvider(logs));
            Recorder = new BalanceHistoryRecorder(history, Runways, _factory.CreateLogger<BalanceHistoryRecorder>());
        }

        public StorePlace Place => _place;

        public BalanceStore Store { get; }

        public LatestRunways Runways { get; } = new();

        public CapturingLoggerProvider Logs { get; }

        public BalanceHistoryRecorder Recorder { get; }

        public static async Task<RecorderTest> StartAsync(StoreKind kind)
        {
            var place = await StorePlace.CreateAsync(kind);
            var options = Options.Create(new BalanceHistoryOptions { Path = place.Location });
            var history = new BalanceHistory(options, new ManualTimeProvider());
            return new RecorderTest(place, history, await history.GetStoreAsync(), new CapturingLoggerProvider());
        }

        /// <summary>Twelve readings of each account, every five minutes up to <see cref="Readings.Start"/>, spending 1 a step.</summary>
        public Task<int> SeedAsync(IEnumerable<string> accounts) =>
            Store.RecordManyAsync(accounts.SelectMany(a => Enumerable.Range(1, 12)
                .Select(i => Readings.Telnyx(a, Readings.Start - (Step * i), 88m + i))));

        /// <summary>
        /// Starts the recording of every reading while another writer holds the store, so that they come while the first batch
        /// waits; then (after <paramref name="meanwhile"/>) releases it.
        /// </summary>
        public async Task<List<Task>> RecordTogetherAsync(
            IEnumerable<BalanceReading> readings, Func<int, CancellationToken>? token = null, Func<Task>? meanwhile = null)
        {
            await using var hold = await StoreWriteHold.TakeAsync(_place);
            var recorded = readings.Select((r, i) => Recorder.OnReadingAsync(r, token?.Invoke(i) ?? CancellationToken.None)).ToList();
            if (meanwhile is not null)
            {
                await meanwhile();
            }

            await hold.ReleaseAsync();
            return recorded;
        }

        public async ValueTask DisposeAsync()
        {
            await _history.DisposeAsync();
            _factory.Dispose();
            Logs.Dispose();
            _place.Dispose();
        }
    }
}
