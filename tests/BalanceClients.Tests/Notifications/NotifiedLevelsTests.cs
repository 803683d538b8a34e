using BalanceClients.History;
using BalanceClients.Notifications;
using BalanceClients.Tests.History;

namespace BalanceClients.Tests.Notifications;

/// <summary>
/// The store's record of what notifiers told whom, the migration that added it to files of version 1, and the one that added the
/// runway level to files of version 2.
/// </summary>
public sealed class NotifiedLevelsTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SaveNotifiedLevelAsync_SameReceiverAndAccount_ReplacesItAcrossAReopening()
    {
        await using (var store = await BalanceStore.OpenAsync(_folder.File()))
        {
            await store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:b", "telnyx", "eu", BalanceLevel.Warning, Readings.Start));
            await store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Unknown, Readings.Start));
            await store.SaveNotifiedLevelAsync(
                new NotifiedLevel("webhook:b", "TELNYX", "EU", BalanceLevel.Critical, Readings.Start.AddMinutes(5)));
        }

        await using (var store = await BalanceStore.OpenAsync(_folder.File()))
        {
            Assert.Equal(
                [
                    new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Unknown, Readings.Start),
                    new NotifiedLevel("webhook:b", "telnyx", "eu", BalanceLevel.Critical, Readings.Start.AddMinutes(5)),
                ],
                await store.ReadNotifiedLevelsAsync());
        }

        Assert.Equal("critical", StoreFolder.Scalar(_folder.File(), "SELECT level FROM notified WHERE receiver = 'webhook:b'"));
    }

    [Fact]
    public async Task ReadNotifiedLevelsAsync_ALevelThisVersionDoesNotKnow_IsLeftOut()
    {
        await using var store = await BalanceStore.OpenAsync(_folder.File());
        await store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Ok, Readings.Start));
        StoreFolder.Scalar(
            store.Path, "INSERT INTO notified (receiver, provider, account, level, time) VALUES ('webhook:a', 'mesh', 'x', 'dire', 0)");

        Assert.Equal("telnyx", Assert.Single(await store.ReadNotifiedLevelsAsync()).Provider);
    }

    [Fact]
    public async Task SaveNotifiedLevelAsync_Invalid_Throws()
    {
        await using var store = await BalanceStore.OpenAsync(_folder.File());

        await Assert.ThrowsAsync<ArgumentException>(
            () => store.SaveNotifiedLevelAsync(new NotifiedLevel(" ", "telnyx", "eu", BalanceLevel.Ok, Readings.Start)));
        await Assert.ThrowsAsync<ArgumentException>(
            () => store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:a", "telnyx", "eu", (BalanceLevel)9, Readings.Start)));
        Assert.Empty(await store.ReadNotifiedLevelsAsync());
    }

    [Fact]
    public async Task SaveNotifiedLevelAsync_RunwayLevel_IsKeptBesideTheLevel()
    {
        await using (var store = await BalanceStore.OpenAsync(_folder.File()))
        {
            await store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Ok, Readings.Start)
            {
                RunwayLevel = BalanceLevel.Warning,
            });
            await store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:a", "telnyx", "us", BalanceLevel.Ok, Readings.Start));
            await store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Warning, Readings.Start)
            {
                RunwayLevel = BalanceLevel.Critical,
            });
        }

        await using (var store = await BalanceStore.OpenAsync(_folder.File()))
        {
            Assert.Equal(
                [(BalanceLevel.Warning, BalanceLevel.Critical), (BalanceLevel.Ok, BalanceLevel.Ok)],
                (await store.ReadNotifiedLevelsAsync()).Select(told => (told.Level, told.RunwayLevel)));
        }

        Assert.Equal("critical", StoreFolder.Scalar(_folder.File(), "SELECT runway_level FROM notified WHERE account = 'eu'"));
    }

    [Fact]
    public async Task ReadNotifiedLevelsAsync_ARunwayLevelThisVersionDoesNotKnow_IsLeftOut()
    {
        await using var store = await BalanceStore.OpenAsync(_folder.File());
        await store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Ok, Readings.Start));
        StoreFolder.Scalar(store.Path, "INSERT INTO notified VALUES ('webhook:a', 'mesh', 'x', 'ok', 0, 'dire')");

        Assert.Equal("telnyx", Assert.Single(await store.ReadNotifiedLevelsAsync()).Provider);
    }

    [Fact]
    public async Task SaveNotifiedLevelAsync_UndefinedRunwayLevel_Throws()
    {
        await using var store = await BalanceStore.OpenAsync(_folder.File());

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => store.SaveNotifiedLevelAsync(
                new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Ok, Readings.Start) { RunwayLevel = (BalanceLevel)9 }));

        Assert.StartsWith("The runway level 9 is not a defined one.", exception.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ReadNotifiedLevelsAsync());
    }

    [Fact]
    public async Task OpenAsync_AFileOfVersion1_IsMigratedKeepingItsReadings()
    {
        var file = FileOfVersion(1, "INSERT INTO series VALUES (1, 'telnyx', 'eu', 'balance', 'USD')");

        await using var store = await BalanceStore.OpenAsync(file, new BalanceStoreOptions { RawRetention = null });
        await store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Critical, Readings.Start));

        Assert.Equal(6L, StoreFolder.Scalar(file, "PRAGMA user_version"));
        Assert.Equal(12.50m, Assert.Single(await store.ReadAsync().ToListAsync()).Amount);
        Assert.Single(await store.ReadNotifiedLevelsAsync());
    }

    [Fact]
    public async Task OpenAsync_AFileOfVersion2_IsMigratedKeepingItsReadingsAndTheLevelsTold()
    {
        var file = FileOfVersion(
            2,
            "INSERT INTO series VALUES (1, 'telnyx', 'eu', 'balance', 'USD');"
            + $"INSERT INTO notified VALUES ('webhook:a', 'telnyx', 'eu', 'critical', {Readings.Start.ToUnixTimeMilliseconds()})");

        await using var store = await BalanceStore.OpenAsync(file, new BalanceStoreOptions { RawRetention = null });

        Assert.Equal(6L, StoreFolder.Scalar(file, "PRAGMA user_version"));
        Assert.Equal(12.50m, Assert.Single(await store.ReadAsync().ToListAsync()).Amount);
        var told = Assert.Single(await store.ReadNotifiedLevelsAsync());
        Assert.Equal(new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Critical, Readings.Start), told);
        Assert.Equal(BalanceLevel.Ok, told.RunwayLevel);

        await store.SaveNotifiedLevelAsync(told with { RunwayLevel = BalanceLevel.Warning });
        Assert.Equal(BalanceLevel.Warning, Assert.Single(await store.ReadNotifiedLevelsAsync()).RunwayLevel);
    }

    // A reading of 12.50 in series 1 (which the test adds).
    private string FileOfVersion(int version, string rows) =>
        _folder.FileOfVersion(version, rows + "; INSERT INTO readings VALUES (1, 1795348800000, '12.50')");
}
