using BalanceClients.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.History;

public sealed class BalanceStoreRunwayTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private readonly ManualTimeProvider _clock = new();

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task EstimateRunwaysAsync_Accounts_GivesEachPrimaryAmountsRunwayToItsCriticalThreshold(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location, timeProvider: _clock);
        var now = _clock.GetUtcNow();
        await store.RecordManyAsync(Enumerable.Range(0, 288).Select(i => Readings.Telnyx("eu", now - (Step * (287 - i)), 1000 - i)));
        await store.ImportAsync(Readings.Series(now - (Step * 287), Step, 288, i => 1000 - (2 * i), provider: "undrctrl"));
        await store.ImportAsync(
            Readings.Series(now - Step, Step, 2, i => 50 - i, provider: "lumenfall").Select(r => r with { Kind = AmountKinds.Available }));
        var thresholds = new BalanceThresholds([new BalanceThreshold { Provider = "telnyx", Critical = 200 }]);

        var runways = await store.EstimateRunwaysAsync(thresholds);

        Assert.Equal(
            [
                new AccountRunway("lumenfall", "default", null),
                new AccountRunway(
                    "telnyx",
                    "eu",
                    new BalanceRunway((713 - 200) * 300, now.AddSeconds((713 - 200) * 300), 288m, AmountKinds.AvailableCredit, "USD")),
                new AccountRunway(
                    "undrctrl", "default", new BalanceRunway(426 * 150, now.AddSeconds(426 * 150), 576m, AmountKinds.Balance, "USD")),
            ],
            runways);
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task EstimateRunwaysAsync_ReadingsBeforeTheWindow_AreNotRead(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location, timeProvider: _clock);
        var now = _clock.GetUtcNow();
        await store.ImportAsync(Readings.Series(now - TimeSpan.FromDays(10), Step, 100, i => 1_000_000 - (1000 * i), provider: "undrctrl"));
        await store.ImportAsync(Readings.Series(now - (Step * 287), Step, 288, i => 1000 - i, provider: "undrctrl"));

        var runway = Assert.Single(await store.EstimateRunwaysAsync()).Runway;

        Assert.Equal((713L * 300, 288m), (runway!.Seconds, runway.BurnPerDay));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task EstimateRunwayAsync_AnyKindOfAnAccount_UsesItsLatestCurrency(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location, timeProvider: _clock);
        var now = _clock.GetUtcNow();
        await store.ImportAsync(Readings.Series(now - (Step * 287), Step, 100, i => 1000 - i, provider: "mesh")
            .Select(r => r with { Kind = AmountKinds.Cash, Currency = "EUR" }));
        await store.ImportAsync(Readings.Series(now - (Step * 287), Step, 288, i => 100 - (i / 10m), provider: "mesh")
            .Select(r => r with { Kind = AmountKinds.Cash }));

        var runway = await store.EstimateRunwayAsync("MESH", "Default", AmountKinds.Cash);

        Assert.Equal(new BalanceRunway(713 * 300, now.AddSeconds(713 * 300), 28.8m, AmountKinds.Cash, "USD"), runway);
        Assert.Null(await store.EstimateRunwayAsync("mesh", "default"));
    }
}
