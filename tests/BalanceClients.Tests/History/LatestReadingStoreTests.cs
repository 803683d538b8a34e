using BalanceClients.History;
using BalanceClients.Monitoring;

namespace BalanceClients.Tests.History;

/// <summary>
/// Each account's latest reading, kept whole in the store for the replicas that follow: read back as it was written (amounts exact,
/// the error, the counts of checks), on both kinds of store; a newer reading is never replaced by an older one.
/// </summary>
public sealed partial class LatestReadingStoreTests
{
    private static readonly BalanceRunway Runway =
        new(259_200, Readings.Start.AddDays(3), 41.150m, AmountKinds.Balance, "USD");

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task SaveLatestAsync_ReadingsWhole_ReadBackAsTheyWereInTheContractsOrder(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        var good = Readings.Telnyx("eu", Readings.Start, 123.450m);
        var error = new BalanceError(BalanceErrorKind.RateLimited, 429, "slow_down", "too many") { RetryAfter = TimeSpan.FromSeconds(30) };
        var failed = new BalanceCheckResult("mesh", "alpha", null, error, TimeSpan.FromMilliseconds(250));
        var stale = new BalanceReading(failed, Readings.Success("mesh", "alpha", Readings.Start,
            new BalanceAmount(AmountKinds.TotalCash, 0.000000001m, "BTC", true)).Balance, Readings.Start.AddMinutes(5))
        {
            CheckCounts = new Dictionary<string, long> { ["success"] = 4, ["rate_limited"] = 1 },
        };
        var critical = new BalanceReading(good with { Level = BalanceLevel.Critical }, good.Balance, Readings.Start.AddSeconds(1));
        await using (var store = await BalanceStore.OpenAsync(place.Location))
        {
            await store.SaveLatestAsync([(stale, null)], CancellationToken.None);
            await store.SaveLatestAsync([(critical, Runway)], CancellationToken.None);
        }

        await using var reopened = await BalanceStore.OpenReadOnlyAsync(place.Location);
        var latest = await ReadAllAsync(reopened);
        var read = latest.Select(l => l.Reading).ToList();

        Assert.Equal(["mesh/alpha", "telnyx/eu"], read.Select(r => $"{r.Provider}/{r.Account}"));
        Assert.Equal(
            (failed.Provider, failed.Account, failed.Error, failed.Duration, BalanceLevel.Unknown),
            (read[0].Latest.Provider, read[0].Latest.Account, read[0].Latest.Error, read[0].Latest.Duration, read[0].Level));
        Assert.Equal(stale.LastGood!.Amounts, read[0].LastGood!.Amounts);
        Assert.Equal("0.000000001", read[0].LastGood!.Primary!.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            (stale.CheckedAt, true, TimeSpan.FromSeconds(30)), (read[0].CheckedAt, read[0].IsStale, read[0].Latest.Error!.RetryAfter));
        Assert.Equal(stale.CheckCounts.OrderBy(p => p.Key), read[0].CheckCounts.OrderBy(p => p.Key));
        var amount = read[1].LastGood!.Primary!.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((BalanceLevel.Critical, "123.450"), (read[1].Level, amount));
        Assert.Equal(critical.Latest.Balance!.Amounts, read[1].Latest.Balance!.Amounts);
        Assert.Equal((true, null, true, Runway), (latest[0].HasRunway, latest[0].Runway, latest[1].HasRunway, latest[1].Runway));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task SaveLatestAsync_OlderThanTheOneKept_LeavesTheNewerAndANewerReplacesIt(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        BalanceReading At(DateTimeOffset time, decimal amount) =>
            new(Readings.Telnyx("eu", time, amount), Readings.Telnyx("eu", time, amount).Balance, time);

        await store.SaveLatestAsync([(At(Readings.Start.AddMinutes(5), 50m), null)], CancellationToken.None);
        await store.SaveLatestAsync([(At(Readings.Start, 10m), null)], CancellationToken.None);
        Assert.Equal(50m, Assert.Single(await ReadAllAsync(store)).Reading.LastGood!.Primary!.Amount);

        await store.SaveLatestAsync([(At(Readings.Start.AddMinutes(10), 70m), null)], CancellationToken.None);
        Assert.Equal(70m, Assert.Single(await ReadAllAsync(store)).Reading.LastGood!.Primary!.Amount);
    }

    // Every row, read whole, in the contract's order.
    private static async Task<List<LatestReading>> ReadAllAsync(BalanceStore store)
    {
        var changes = await store.ReadLatestAsync(since: null, CancellationToken.None);
        Assert.True(changes.IsWhole);
        return [.. changes.Rows.Select(row => LatestReadingJson.ReadingOf(row)!)
            .OrderBy(l => l.Reading.Provider, StringComparer.Ordinal).ThenBy(l => l.Reading.Account, StringComparer.Ordinal)];
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task SaveLatestAsync_ManyRows_WrittenTogetherInTheirOrder(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);

        await store.SaveLatestAsync(
            [
                (At("eu", Readings.Start.AddMinutes(5), 50m), null),
                (At("us", Readings.Start, 10m), null),
                (At("eu", Readings.Start, 70m), null),
            ],
            CancellationToken.None);

        var read = await ReadAllAsync(store);
        Assert.Equal([("eu", 50m), ("us", 10m)], read.Select(r => (r.Reading.Account, r.Reading.LastGood!.Primary!.Amount!.Value)));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task SaveLatestAsync_RowRefusedAfterOthers_WritesNoneOfThem(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var engine = await OpenEngineAsync(place);
        var before = new LatestRow("telnyx", "eu", 1, "{\"kept\":true}");
        await engine.SaveLatestAsync([before], CancellationToken.None);

        // A null document is refused by the table (NOT NULL) after the two rows before it were written in the transaction.
        await Assert.ThrowsAnyAsync<Exception>(() => engine.SaveLatestAsync(
            [before with { Time = 2, Reading = "{}" }, new LatestRow("telnyx", "us", 2, "{}"), new LatestRow("telnyx", "uk", 2, null!)],
            CancellationToken.None));

        Assert.Equal([before], (await engine.ReadLatestAsync(since: null, CancellationToken.None)).Rows);
    }

    private static async Task<IStoreEngine> OpenEngineAsync(StorePlace place) =>
        place.Kind == StoreKind.Sqlite
            ? await SqliteStore.OpenAsync(place.Location, new BalanceStoreOptions(), TimeProvider.System, CancellationToken.None)
            : await PostgreSqlStore.OpenAsync(
                PostgreSqlLocation.Parse(place.Location),
                new BalanceStoreOptions(),
                TimeProvider.System,
                readOnly: false,
                CancellationToken.None);
}
