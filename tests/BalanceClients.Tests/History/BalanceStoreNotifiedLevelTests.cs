using BalanceClients.History;

namespace BalanceClients.Tests.History;

/// <summary>The store's record of what notifiers told whom, and the migration that added it to files of version 1.</summary>
public sealed class BalanceStoreNotifiedLevelTests : IDisposable
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
        StoreFolder.Scalar(store.Path, "INSERT INTO notified VALUES ('webhook:a', 'mesh', 'x', 'dire', 0)");

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
    public async Task OpenAsync_AFileOfVersion1_IsMigratedKeepingItsReadings()
    {
        var file = _folder.File();
        StoreFolder.CreateVersion1(file);

        await using var store = await BalanceStore.OpenAsync(file, new BalanceStoreOptions { RawRetention = null });
        await store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Critical, Readings.Start));

        Assert.Equal(2L, StoreFolder.Scalar(file, "PRAGMA user_version"));
        Assert.Equal(12.50m, Assert.Single(await store.ReadAsync().ToListAsync()).Amount);
        Assert.Single(await store.ReadNotifiedLevelsAsync());
    }
}
