using System.Globalization;
using BalanceClients.History;
using BalanceClients.Notifications;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.History;

/// <summary>
/// What every kind of store promises alike (the SQLite file and a PostgreSQL database): exact amounts, what notifiers told, reading
/// without writing, a newer schema refused, and several processes opening one new store at once.
/// </summary>
public sealed class StoreBehaviourTests
{
    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task RecordAsync_Amounts_ReadsThemBackExactlyWithTheirScale(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        var result = Readings.Success("mesh", "alpha", Readings.Start,
            new BalanceAmount(AmountKinds.TotalCash, 12.50m, "USD", true),
            new BalanceAmount(AmountKinds.Cash, 0.123456789012345678901234567m, "BTC", false),
            new BalanceAmount(AmountKinds.BuyingPower, -79228162514264337593543950335m, "USD", false),
            new BalanceAmount(AmountKinds.TotalBuyingPower, null, "USD", false));

        Assert.Equal(4, await store.RecordAsync(result));

        Assert.Equal(
            ["", "-79228162514264337593543950335", "0.123456789012345678901234567", "12.50"],
            (await store.ReadAsync().ToListAsync())
                .Select(r => r.Amount?.ToString(CultureInfo.InvariantCulture) ?? string.Empty)
                .Order(StringComparer.Ordinal));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task SaveNotifiedLevelAsync_SameReceiverAndAccount_ReplacesItAcrossAReopening(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using (var store = await BalanceStore.OpenAsync(place.Location))
        {
            await store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:b", "telnyx", "eu", BalanceLevel.Warning, Readings.Start));
            await store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Unknown, Readings.Start));
            await store.SaveNotifiedLevelAsync(
                new NotifiedLevel("webhook:b", "TELNYX", "EU", BalanceLevel.Critical, Readings.Start.AddMinutes(5))
                {
                    RunwayLevel = BalanceLevel.Warning,
                });
        }

        await using var reopened = await BalanceStore.OpenReadOnlyAsync(place.Location);
        Assert.Equal(
            [
                new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Unknown, Readings.Start),
                new NotifiedLevel("webhook:b", "telnyx", "eu", BalanceLevel.Critical, Readings.Start.AddMinutes(5))
                {
                    RunwayLevel = BalanceLevel.Warning,
                },
            ],
            await reopened.ReadNotifiedLevelsAsync());
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task OpenReadOnlyAsync_StoreWithReadings_ReadsThemAndRefusesEveryWrite(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using (var writer = await BalanceStore.OpenAsync(place.Location))
        {
            await writer.RecordAsync(Readings.Telnyx("eu", Readings.Start, 7m));
        }

        await using var store = await BalanceStore.OpenReadOnlyAsync(place.Location);
        var reading = Readings.Reading(Readings.Start.AddHours(1), 1m);
        Func<Task>[] writes =
        [
            () => store.RecordAsync(Readings.Telnyx("eu", Readings.Start.AddHours(1), 1m)),
            () => store.ImportAsync([reading]),
            () => store.ApplyRetentionAsync(),
            () => store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Ok, Readings.Start)),
        ];

        Assert.True(store.IsReadOnly);
        foreach (var write in writes)
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(write);
            Assert.Equal($"{store.Path} was opened read-only (BalanceStore.OpenReadOnlyAsync); it cannot be written.", exception.Message);
        }

        Assert.Equal(2, (await store.ReadAsync().ToListAsync()).Count);
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task OpenReadOnlyAsync_NoStoreYet_IsNotFoundAndCreatesNothing(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);

        var exception = await Assert.ThrowsAsync<BalanceStoreException>(() => BalanceStore.OpenReadOnlyAsync(place.Location));

        Assert.Equal(BalanceStoreErrorKind.NotFound, exception.Kind);
        if (place.Server is { } server)
        {
            Assert.Equal(true, await server.ScalarAsync(place.Database!, "SELECT to_regclass('balances_meta') IS NULL"));
        }
        else
        {
            Assert.False(File.Exists(place.Location));
        }
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task OpenAsync_NewerSchema_IsRefusedInOneLineAndLeftAsItIs(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using (var store = await BalanceStore.OpenAsync(place.Location))
        {
            await store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 7m));
        }

        await SetSchemaVersionAsync(place, 99);

        foreach (var open in new Func<Task<BalanceStore>>[]
        {
            () => BalanceStore.OpenAsync(place.Location), () => BalanceStore.OpenReadOnlyAsync(place.Location),
        })
        {
            var exception = await Assert.ThrowsAsync<BalanceStoreException>(open);
            Assert.Equal(BalanceStoreErrorKind.NewerSchema, exception.Kind);
            Assert.Contains("was written by a newer version of balances (schema 99;", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', exception.Message);
        }

        await SetSchemaVersionAsync(place, null);
        await using var reopened = await BalanceStore.OpenReadOnlyAsync(place.Location);
        Assert.Equal(2, (await reopened.ReadAsync().ToListAsync()).Count);
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task OpenAsync_ManyAtOnceOnANewStore_AllOpenItAndItsSchemaIsMadeOnce(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);

        var stores = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => BalanceStore.OpenAsync(place.Location))));
        try
        {
            await Task.WhenAll(stores.Select((store, i) => store.RecordAsync(Readings.Telnyx($"a{i}", Readings.Start, i))));
            Assert.Equal(16, (await stores[0].ReadAsync().ToListAsync()).Count);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    // The schema version the store says it has: a number, or (null) the one this version writes.
    private static async Task SetSchemaVersionAsync(StorePlace place, int? version)
    {
        if (place.Server is { } server)
        {
            await server.ScalarAsync(
                place.Database!,
                $"UPDATE balances_meta SET value = {version ?? PostgreSqlSchema.CurrentVersion} WHERE key = 'schema_version'");
        }
        else
        {
            StoreFolder.Scalar(place.Location, $"PRAGMA user_version = {version ?? StoreSchema.CurrentVersion}");
        }
    }
}
