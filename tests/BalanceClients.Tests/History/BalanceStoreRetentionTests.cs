using BalanceClients.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.History;

public sealed class BalanceStoreRetentionTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private readonly ManualTimeProvider _clock = new();

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ImportAsync_ReadingsOlderThanTheRetention_KeepsTheLastOfEachHourPerSeries(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await OpenAsync(place.Location, TimeSpan.FromDays(2));
        var now = _clock.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(2);

        await store.ImportAsync(FourDays("a").Concat(FourDays("b")));

        var readings = await store.ReadAsync().ToListAsync();
        foreach (var account in new[] { "a", "b" })
        {
            var old = readings.Where(r => r.Account == account && r.Time < cutoff).ToList();
            Assert.Equal(48, old.Count);
            Assert.All(old, r => Assert.Equal(55, r.Time.Minute));
            Assert.Equal(577, readings.Count(r => r.Account == account && r.Time >= cutoff));
        }
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ApplyRetentionAsync_ADayLater_ThinsOnlyTheDayThatAged(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await OpenAsync(place.Location, TimeSpan.FromDays(2));
        await store.ImportAsync(FourDays("a"));
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(24 * 11, await store.ApplyRetentionAsync());
        Assert.Equal(0, await store.ApplyRetentionAsync());

        var readings = await store.ReadAsync().ToListAsync();
        Assert.Equal(72, readings.Count(r => r.Time < _clock.GetUtcNow() - TimeSpan.FromDays(2)));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task OpenAsync_AfterTheClockMoved_AppliesTheRetention(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using (var store = await OpenAsync(place.Location, TimeSpan.FromDays(2)))
        {
            await store.ImportAsync(FourDays("a"));
        }

        _clock.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(30));
        await using var reopened = await OpenAsync(place.Location, TimeSpan.FromDays(2));

        Assert.Equal(48 + 5 + 577 - (5 * 12), (await reopened.ReadAsync().ToListAsync()).Count);
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task OpenAsync_NoRetention_KeepsEveryReading(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await OpenAsync(place.Location, null);

        await store.ImportAsync(FourDays("a"));
        _clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, await store.ApplyRetentionAsync());
        Assert.Equal(4 * 288 + 1, (await store.ReadAsync().ToListAsync()).Count);
    }

    private Task<BalanceStore> OpenAsync(string location, TimeSpan? retention) =>
        BalanceStore.OpenAsync(location, new BalanceStoreOptions { RawRetention = retention }, _clock);

    // A reading every 5 minutes for four days up to now (on the hour), both ends included.
    private IEnumerable<StoredReading> FourDays(string account) =>
        Readings.Series(_clock.GetUtcNow() - TimeSpan.FromDays(4), Step, (4 * 288) + 1, i => 10_000 - i, account: account);
}
