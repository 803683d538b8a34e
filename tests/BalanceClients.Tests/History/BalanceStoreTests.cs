using BalanceClients.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.History;

public sealed class BalanceStoreTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task OpenAsync_MissingFileAndFolder_CreatesAVersionedStoreInWriteAheadLogMode()
    {
        var file = Path.Combine(_folder.Path, "state", "balances", "balances.db");

        await using (var store = await BalanceStore.OpenAsync(file))
        {
            Assert.Equal(file, store.Path);
        }

        Assert.True(File.Exists(file));
        Assert.Equal(6L, StoreFolder.Scalar(file, "PRAGMA user_version"));
        Assert.Equal(0x42414C53L, StoreFolder.Scalar(file, "PRAGMA application_id"));
        Assert.Equal("wal", StoreFolder.Scalar(file, "PRAGMA journal_mode"));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task OpenAsync_ExistingStore_KeepsItsReadings(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using (var store = await BalanceStore.OpenAsync(place.Location))
        {
            await store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 100m));
        }

        await using var reopened = await BalanceStore.OpenAsync(place.Location);

        Assert.Equal(2, (await reopened.ReadAsync().ToListAsync()).Count);
    }

    [Fact]
    public async Task RecordAsync_Success_StoresEveryAmountExactlyAsText()
    {
        await using var store = await BalanceStore.OpenAsync(_folder.File());
        var result = Readings.Success("mesh", "alpha", Readings.Start,
            new BalanceAmount(AmountKinds.TotalCash, 12.50m, "USD", true),
            new BalanceAmount(AmountKinds.Cash, 0.123456789012345678901234567m, "BTC", false),
            new BalanceAmount(AmountKinds.BuyingPower, -79228162514264337593543950335m, "USD", false),
            new BalanceAmount(AmountKinds.TotalBuyingPower, null, "USD", false));

        Assert.Equal(4, await store.RecordAsync(result));

        var readings = await store.ReadAsync().ToListAsync();
        Assert.Equal(
            ["-79228162514264337593543950335", "0.123456789012345678901234567", "", "12.50"],
            readings.Select(r => r.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
        Assert.All(readings, r => Assert.Equal((Readings.Start, TimeSpan.Zero), (r.Time, r.Time.Offset)));
        Assert.Equal(
            "text,text,text,null",
            StoreFolder.Scalar(
                store.Path, "SELECT group_concat(typeof(amount)) FROM (SELECT amount FROM readings ORDER BY amount IS NULL, amount)"));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task RecordAsync_FailedResult_RecordsNothing(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);

        Assert.Equal(0, await store.RecordAsync(Readings.Failure("telnyx", "eu")));

        Assert.Empty(await store.ReadAsync().ToListAsync());
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task RecordAsync_TimeWithOffset_IsStoredInUtcToTheMillisecond(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        var local = new DateTimeOffset(2026, 11, 22, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(12_345_678);

        await store.RecordAsync(Readings.Telnyx("eu", local, 1m));

        var reading = (await store.ReadAsync().ToListAsync())[0];
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 12, 0, 1, 234, TimeSpan.Zero), reading.Time);
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task RecordManyAsync_SuccessesAndFailures_RecordsTheSuccessesInOneTransaction(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        BalanceCheckResult[] results =
        [
            Readings.Telnyx("eu", Readings.Start, 100m),
            Readings.Failure("undrctrl", "default"),
            Readings.Success("undrctrl", "other", Readings.Start, new BalanceAmount(AmountKinds.Balance, 5m, "EUR", true)),
        ];

        Assert.Equal(3, await store.RecordManyAsync(results));

        Assert.Equal(
            ["telnyx/eu/available_credit", "telnyx/eu/balance", "undrctrl/other/balance"],
            (await store.ReadAsync().ToListAsync()).Select(r => $"{r.Provider}/{r.Account}/{r.Kind}"));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task RecordAsync_SameSeriesAndMillisecondTwice_AddsItOnce(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);

        await store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 100m));
        Assert.Equal(0, await store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 90m)));

        Assert.All(await store.ReadAsync().ToListAsync(), r => Assert.NotEqual(80m, r.Amount));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ReadAsync_SeveralSeries_MergesThemInTimeOrder(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        await store.ImportAsync(Readings.Series(Readings.Start, TimeSpan.FromMinutes(10), 5, i => i, account: "b"));
        await store.ImportAsync(Readings.Series(Readings.Start.AddMinutes(5), TimeSpan.FromMinutes(10), 5, i => i, account: "a"));
        await store.ImportAsync(Readings.Series(Readings.Start, TimeSpan.FromMinutes(10), 5, i => i, account: "a"));

        var readings = await store.ReadAsync().ToListAsync();

        Assert.Equal(15, readings.Count);
        Assert.Equal(readings.OrderBy(r => r.Time).ThenBy(r => r.Account, StringComparer.Ordinal), readings);
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ReadAsync_Filters_SelectByProviderAndAccountIgnoringCaseAndSince(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        await store.RecordManyAsync(Enumerable.Range(0, 10).SelectMany(i => new[]
        {
            Readings.Telnyx("EU", Readings.Start.AddMinutes(i), 100 - i),
            Readings.Telnyx("us", Readings.Start.AddMinutes(i), 200 - i),
            Readings.Success("undrctrl", "eu", Readings.Start.AddMinutes(i), new BalanceAmount(AmountKinds.Balance, i, "USD", true)),
        }));

        var eu = await store.ReadAsync(provider: "TELNYX", account: "eu", since: Readings.Start.AddMinutes(7)).ToListAsync();

        Assert.Equal(6, eu.Count);
        Assert.All(eu, r => Assert.Equal(("telnyx", "EU"), (r.Provider, r.Account)));
        Assert.Equal(Readings.Start.AddMinutes(7), eu[0].Time);
        Assert.Equal(30, (await store.ReadAsync(account: "eu").ToListAsync()).Count);
        Assert.Equal(10, (await store.ReadAsync(provider: "undrctrl").ToListAsync()).Count);
    }

    [Fact]
    public async Task ReadAsync_ManyReadings_StreamsThemWithoutLoadingTheTable()
    {
        await using var store = await BalanceStore.OpenAsync(_folder.File());
        await store.ImportAsync(Readings.Series(Readings.Start, TimeSpan.FromSeconds(1), 50_000, i => i));

        await using var readings = store.ReadAsync().GetAsyncEnumerator();
        Assert.True(await readings.MoveNextAsync());
        await store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 1m));

        // A writer commits while the reader streams; the reader keeps the snapshot it started with.
        var count = 1;
        while (await readings.MoveNextAsync())
        {
            count++;
        }

        Assert.Equal(50_000, count);
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ImportAsync_Readings_AddsThemAndSkipsThoseAlreadyStored(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        var readings = Readings.Series(Readings.Start, TimeSpan.FromMinutes(5), 20, i => 100 - i).ToList();

        Assert.Equal(20, await store.ImportAsync(readings));
        Assert.Equal(0, await store.ImportAsync(readings));

        Assert.Equal(readings, await store.ReadAsync().ToListAsync());
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ImportAsync_SequenceThrowsHalfway_StoresNothingOfIt(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);

        await Assert.ThrowsAsync<FormatException>(() => store.ImportAsync(Malformed()));

        Assert.Empty(await store.ReadAsync().ToListAsync());
        Assert.Equal(1, await store.ImportAsync([Readings.Reading(Readings.Start, 1m, account: "after")]));
        Assert.Equal(["after"], (await store.ReadAsync().ToListAsync()).Select(r => r.Account));

        static async IAsyncEnumerable<StoredReading> Malformed()
        {
            for (var i = 0; i < 100; i++)
            {
                yield return Readings.Reading(Readings.Start.AddMinutes(i), i, account: "new-account-" + i);
            }

            await Task.Yield();
            throw new FormatException("line 102: not a decimal");
        }
    }

    [Theory]
    [InlineData("", "default", "Reading 2 has no provider.")]
    [InlineData("undrctrl", " ", "Reading 2 has no account.")]
    public async Task ImportAsync_InvalidReading_ThrowsAndStoresNothing(string provider, string account, string message)
    {
        await using var store = await BalanceStore.OpenAsync(_folder.File());
        StoredReading[] readings = [Readings.Reading(Readings.Start, 1m), Readings.Reading(Readings.Start, 1m, provider, account)];

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => store.ImportAsync(readings));

        Assert.StartsWith(message, exception.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ReadAsync().ToListAsync());
    }

    [Fact]
    public async Task ReadAsync_QueryPlan_UsesThePrimaryKeyRangeOfOneSeries()
    {
        await using var store = await BalanceStore.OpenAsync(_folder.File());

        var plan = StoreFolder.Column(
            store.Path, "EXPLAIN QUERY PLAN SELECT time, amount FROM readings WHERE series = 1 AND time >= 0 ORDER BY time", 3);

        Assert.Equal(["SEARCH readings USING PRIMARY KEY (series=? AND time>?)"], plan);
    }

    [Fact]
    public async Task DisposeAsync_Store_LeavesNoWriteAheadLogBehind()
    {
        var store = await BalanceStore.OpenAsync(_folder.File());
        await store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 1m));

        await store.DisposeAsync();

        Assert.False(File.Exists(_folder.File() + "-wal"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 1m)));
    }

    [Fact]
    public async Task OpenAsync_OptionOutOfRange_Throws()
    {
        var exception = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => BalanceStore.OpenAsync(_folder.File(), new BalanceStoreOptions { RawRetention = TimeSpan.FromMinutes(5) }));

        Assert.StartsWith("BalanceStoreOptions.RawRetention must be at least 1 hour.", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File()));
    }

    [Fact]
    public async Task RecordAsync_AnotherWriterHoldsTheFileTooLong_IsBusyInOneLine()
    {
        await using var store = await BalanceStore.OpenAsync(
            _folder.File(), new BalanceStoreOptions { BusyTimeout = TimeSpan.FromMilliseconds(200) });
        using var other = StoreFolder.Connect(store.Path);
        using var hold = other.BeginTransaction(deferred: false);

        var exception = await Assert.ThrowsAsync<BalanceStoreException>(() => store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 1m)))
            .WithinLimit("the busy write to fail");

        Assert.Equal(BalanceStoreErrorKind.Busy, exception.Kind);
        Assert.Equal($"{store.Path} is busy: another writer held it for longer than 0.2 s.", exception.Message);
    }
}
