using BalanceClients.History;
using Xunit.Abstractions;

namespace BalanceClients.Tests.History;

/// <summary>
/// <see cref="BalanceStore.ReadThinnedAsync"/> on both kinds of store: the last reading with an amount of each series in each span,
/// spans counted from 1970, the range's ends cutting their spans, in <see cref="BalanceStore.ReadAsync"/>'s order.
/// </summary>
public sealed class BalanceStoreThinnedReadTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_207;
    private static readonly DateTimeOffset Hour = Readings.Start;

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ReadThinnedAsync_SeveralSeriesImportedOutOfOrder_GivesTheLastReadingWithAnAmountOfEachSpan(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        StoredReading Usd(TimeSpan after, decimal? amount) => Readings.Reading(Hour + after, amount);
        StoredReading Eur(TimeSpan after, decimal amount) => Usd(after, amount) with { Currency = "EUR" };
        StoredReading Telnyx(TimeSpan after, decimal? amount) =>
            new(Hour + after, "telnyx", "eu", AmountKinds.AvailableCredit, "USD", amount);
        var minute = TimeSpan.FromMinutes(1);
        var kept = new[]
        {
            Eur(30 * minute, 10m),
            Usd((60 * minute) - TimeSpan.FromMilliseconds(1), 3m),
            Telnyx(60 * minute, 7m),
            Usd(60 * minute, 4m),
            Eur(90 * minute, 11m),
            Usd(200 * minute, 5m),
        };
        StoredReading[] left =
        [
            Usd(TimeSpan.Zero, 1m), Usd(30 * minute, 2m), Usd(70 * minute, null), Telnyx(130 * minute, null), Usd(-minute, 9m),
        ];
        await using (var writer = await BalanceStore.OpenAsync(place.Location))
        {
            await writer.ImportAsync(kept.Concat(left).Reverse());
        }

        await using var store = await BalanceStore.OpenReadOnlyAsync(place.Location);
        var readings = await store.ReadThinnedAsync(TimeSpan.FromHours(1), since: Hour).ToListAsync();

        Assert.Equal(kept, readings);
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ReadThinnedAsync_RangeEnds_CutTheirSpans_SinceIncludedAndUntilNot(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        var tenMinutes = TimeSpan.FromMinutes(10);
        await store.ImportAsync(Readings.Series(Hour, tenMinutes, 24, i => i));

        async Task<List<decimal?>> AmountsAsync(DateTimeOffset? since, DateTimeOffset? until) =>
            [.. (await store.ReadThinnedAsync(TimeSpan.FromHours(1), since: since, until: until).ToListAsync()).Select(r => r.Amount)];

        Assert.Equal([5m, 11m, 17m, 23m], await AmountsAsync(null, null));
        Assert.Equal([5m, 11m, 14m], await AmountsAsync(Hour + (2.5 * tenMinutes), Hour + (14.5 * tenMinutes)));
        Assert.Equal([5m, 11m, 13m], await AmountsAsync(Hour + (5 * tenMinutes), Hour + (14 * tenMinutes)));
        var tick = TimeSpan.FromTicks(1);
        Assert.Equal([11m, 14m], await AmountsAsync(Hour + (5 * tenMinutes) + tick, Hour + (14 * tenMinutes) + tick));
        Assert.Empty(await AmountsAsync(Hour + (30 * tenMinutes), null));
        Assert.Empty(await AmountsAsync(Hour + tenMinutes, Hour + tenMinutes));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ReadThinnedAsync_RandomReadings_GivesWhatReadAsyncGivesThinnedInCode(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location, new BalanceStoreOptions { RawRetention = null });
        var random = new Random(Seed);
        output.WriteLine($"Readings from seed {Seed}.");
        string[] accounts = ["a", "B", "c"];
        await store.ImportAsync(Enumerable.Range(0, 3000)
            .Select(_ => Readings.Reading(
                Hour + TimeSpan.FromMilliseconds(random.NextInt64(3 * 86_400_000L)),
                random.Next(10) == 0 ? null : random.Next(100_000) / 100m,
                account: accounts[random.Next(accounts.Length)]))
            .DistinctBy(r => (r.Account, r.Time)));
        var all = await store.ReadAsync().ToListAsync();

        foreach (var resolution in new[] { TimeSpan.FromHours(4), TimeSpan.FromMinutes(7), TimeSpan.FromMilliseconds(1) })
        {
            var since = Hour + TimeSpan.FromMilliseconds(random.NextInt64(86_400_000L));
            var until = since + TimeSpan.FromMilliseconds(86_400_000L + random.NextInt64(86_400_000L));
            var resolutionMs = (long)resolution.TotalMilliseconds;
            var expected = all
                .Where(r => r.Time >= since && r.Time < until && r.Amount is not null)
                .GroupBy(r => (r.Account, r.Time.ToUnixTimeMilliseconds() / resolutionMs))
                .Select(span => span.Last())
                .ToHashSet();

            var thinned = await store.ReadThinnedAsync(resolution, since: since, until: until).ToListAsync();

            Assert.NotEmpty(expected);
            Assert.Equal(all.Where(expected.Contains), thinned);
        }
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ReadThinnedAsync_ProviderAndAccount_OnlyTheirSeriesIgnoringCase(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        await store.RecordAsync(Readings.Telnyx("eu", Hour, 100m));
        await store.RecordAsync(Readings.Telnyx("us", Hour, 200m));
        await store.ImportAsync([Readings.Reading(Hour, 300m, account: "eu")]);

        var readings = await store.ReadThinnedAsync(TimeSpan.FromHours(4), "TELNYX", "Eu").ToListAsync();

        Assert.Equal([(AmountKinds.AvailableCredit, 100m), (AmountKinds.Balance, 90m)], readings.Select(r => (r.Kind, r.Amount!.Value)));
        Assert.All(readings, r => Assert.Equal(("telnyx", "eu"), (r.Provider, r.Account)));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-10_000L)]
    [InlineData(5_000L)]
    [InlineData(10_001L)]
    public async Task ReadThinnedAsync_ResolutionNotWholeMilliseconds_IsRefusedBeforeReading(long ticks)
    {
        using var folder = new StoreFolder();
        await using var store = await BalanceStore.OpenAsync(folder.File());

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => store.ReadThinnedAsync(TimeSpan.FromTicks(ticks)));

        Assert.Equal("resolution", exception.ParamName);
    }
}
