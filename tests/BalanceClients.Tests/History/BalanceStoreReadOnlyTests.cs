using System.Runtime.Versioning;
using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Notifications;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.History;

/// <summary>
/// A store opened read-only reads real files and writes nothing: the tests compare every file's bytes before and after. The tests may
/// run as root, whom permission bits do not stop: here they show that nothing is written or created; HistoryProcessTests shows the
/// same files read by a process that the bits do stop.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class BalanceStoreReadOnlyTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private readonly StoreFolder _folder = new();
    private readonly ManualTimeProvider _clock = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task OpenReadOnlyAsync_MissingFileOrFolder_IsNotFoundAndCreatesNothing()
    {
        var inMissingFolder = Path.Combine(_folder.Path, "state", "balances.db");

        var missingFile = await Assert.ThrowsAsync<BalanceStoreException>(() => BalanceStore.OpenReadOnlyAsync(_folder.File()));
        var missingFolder = await Assert.ThrowsAsync<BalanceStoreException>(() => BalanceStore.OpenReadOnlyAsync(inMissingFolder));

        Assert.Equal(
            (BalanceStoreErrorKind.NotFound, $"{_folder.File()} does not exist; it was not created (a store opened read-only never is)."),
            (missingFile.Kind, missingFile.Message));
        Assert.Equal((BalanceStoreErrorKind.NotFound, inMissingFolder), (missingFolder.Kind, missingFolder.Path));
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public async Task OpenReadOnlyAsync_ReadOnlyFileInReadOnlyFolder_ReadsReadingsAndRunwaysAsTheWriterDoesWritingNothing()
    {
        var file = await StoreWithABurnAsync();
        (List<StoredReading> Readings, IReadOnlyList<AccountRunway> Runways, BalanceRunway? Runway) written;
        await using (var writer = await BalanceStore.OpenAsync(file, timeProvider: _clock))
        {
            written = (
                await writer.ReadAsync().ToListAsync(),
                await writer.EstimateRunwaysAsync(),
                await writer.EstimateRunwayAsync("telnyx", "eu"));
            Assert.False(writer.IsReadOnly);
        }

        _folder.MakeReadOnly();
        var before = _folder.Hashes();

        await using (var store = await BalanceStore.OpenReadOnlyAsync(file, timeProvider: _clock))
        {
            Assert.True(store.IsReadOnly);
            Assert.Equal(written.Readings, await store.ReadAsync().ToListAsync());
            Assert.Equal(written.Runways, await store.EstimateRunwaysAsync());
            Assert.Equal(written.Runway, await store.EstimateRunwayAsync("telnyx", "eu"));
            Assert.Empty(await store.ReadNotifiedLevelsAsync());
            Assert.Equal(before, _folder.Hashes());
        }

        Assert.Equal(["balances.db"], before.Select(f => f.Name));
        Assert.Equal(before, _folder.Hashes());
        Assert.NotNull(written.Runway);
    }

    [Fact]
    public async Task ReadAsync_WriterHasTheStoreOpen_ReadsWhatItsLogHoldsNowWithoutChangingTheFileOrTheLog()
    {
        var file = _folder.File();
        await using var writer = await BalanceStore.OpenAsync(file, new BalanceStoreOptions { RawRetention = null });
        await writer.RecordAsync(Readings.Telnyx("eu", Readings.Start, 100m));
        await using var store = await BalanceStore.OpenReadOnlyAsync(file);
        var before = DataFiles();

        var first = await store.ReadAsync().ToListAsync();
        var afterFirst = DataFiles();
        await writer.RecordAsync(Readings.Telnyx("eu", Readings.Start + Step, 99m));
        var beforeSecond = DataFiles();
        var second = await store.ReadAsync().ToListAsync();

        Assert.Equal((2, 4), (first.Count, second.Count));
        Assert.Equal(["balances.db", "balances.db-shm", "balances.db-wal"], _folder.Hashes().Select(f => f.Name));
        Assert.Equal(before, afterFirst);
        Assert.Equal(beforeSecond, DataFiles());
    }

    [Fact]
    public async Task ReadAsync_WriterCameAndWentSinceTheOpening_ReadsWhatItRecorded()
    {
        var file = await StoreWithABurnAsync();
        await using var store = await BalanceStore.OpenReadOnlyAsync(file);
        var count = (await store.ReadAsync().ToListAsync()).Count;

        await using (var writer = await BalanceStore.OpenAsync(file, new BalanceStoreOptions { RawRetention = null }))
        {
            await writer.RecordAsync(Readings.Telnyx("us", Readings.Start, 5m));
            Assert.Equal(count + 2, (await store.ReadAsync().ToListAsync()).Count);
        }

        Assert.Equal(count + 2, (await store.ReadAsync().ToListAsync()).Count);
        Assert.Equal(["balances.db"], _folder.Hashes().Select(f => f.Name));
    }

    [Fact]
    public async Task ReadAsync_CopyOfALiveStoreWithItsLogInReadOnlyFolder_ReadsTheLogWithoutChangingTheFileOrTheLog()
    {
        var copy = await _folder.CopyOfALiveStoreAsync(withIndex: true);
        _folder.MakeReadOnly();
        var before = DataFiles();

        await using (var store = await BalanceStore.OpenReadOnlyAsync(copy))
        {
            Assert.Equal(
                [100m, 90m, 99m, 89m],
                (await store.ReadAsync().ToListAsync()).Select(r => r.Amount));
        }

        // As root, SQLite may rebuild the log's shared-memory index (SQLite's memory, not data); HistoryProcessTests reads the same
        // copy as a process that cannot write it, and finds all three files unchanged.
        Assert.Equal(before, DataFiles());
        Assert.Equal(["balances.db", "balances.db-shm", "balances.db-wal", "live.db"], _folder.Hashes().Select(f => f.Name));
    }

    [Fact]
    public async Task OpenReadOnlyAsync_LogWithChangesWithoutItsIndex_IsRefusedAsUnreadableUnchanged()
    {
        var copy = await _folder.CopyOfALiveStoreAsync(withIndex: false);
        var before = _folder.Hashes();

        var exception = await Assert.ThrowsAsync<BalanceStoreException>(() => BalanceStore.OpenReadOnlyAsync(copy));

        Assert.Equal(
            (BalanceStoreErrorKind.Unreadable,
                $"{copy} cannot be read: its write-ahead log {copy}-wal holds changes, and the index SQLite reads them with, "
                + $"{copy}-shm, is missing."),
            (exception.Kind, exception.Message));
        Assert.Equal(before, _folder.Hashes());
    }

    [Fact]
    public async Task OpenReadOnlyAsync_FileOfVersion1_IsReadAsItIsWithoutMigrating()
    {
        var file = _folder.File();
        StoreFolder.CreateVersion1(file);
        var before = _folder.Hashes();

        await using (var store = await BalanceStore.OpenReadOnlyAsync(file, timeProvider: _clock))
        {
            Assert.Equal(12.50m, Assert.Single(await store.ReadAsync().ToListAsync()).Amount);
            Assert.Equal([new AccountRunway("telnyx", "eu", null)], await store.EstimateRunwaysAsync());
            Assert.Empty(await store.ReadNotifiedLevelsAsync());
        }

        Assert.Equal(before, _folder.Hashes());
        Assert.Equal(1L, StoreFolder.Scalar(file, "PRAGMA user_version"));
    }

    [Fact]
    public async Task OpenReadOnlyAsync_FileOfVersion2_ReadsTheLevelsToldWithoutARunwayLevel()
    {
        var file = _folder.FileOfVersion(2, "INSERT INTO notified VALUES ('webhook:a', 'telnyx', 'eu', 'critical', 0)");
        var before = _folder.Hashes();

        await using (var store = await BalanceStore.OpenReadOnlyAsync(file, timeProvider: _clock))
        {
            var told = Assert.Single(await store.ReadNotifiedLevelsAsync());
            Assert.Equal(("webhook:a", BalanceLevel.Critical, BalanceLevel.Ok), (told.Receiver, told.Level, told.RunwayLevel));
        }

        Assert.Equal(before, _folder.Hashes());
        Assert.Equal(2L, StoreFolder.Scalar(file, "PRAGMA user_version"));
    }

    [Fact]
    public async Task OpenReadOnlyAsync_EmptyFile_IsAnEmptyHistoryLeftEmpty()
    {
        var file = _folder.File();
        await File.WriteAllBytesAsync(file, []);

        await using (var store = await BalanceStore.OpenReadOnlyAsync(file))
        {
            Assert.Empty(await store.ReadAsync().ToListAsync());
            Assert.Empty(await store.EstimateRunwaysAsync());
            Assert.Null(await store.EstimateRunwayAsync("telnyx", "eu"));
            Assert.Empty(await store.ReadNotifiedLevelsAsync());
        }

        Assert.Equal([("balances.db", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData([])))], _folder.Hashes());
    }

    [Fact]
    public async Task WriteMethods_OnAReadOnlyStore_ThrowInvalidOperationAndWriteNothing()
    {
        var file = await StoreWithABurnAsync();
        var before = _folder.Hashes();
        await using var store = await BalanceStore.OpenReadOnlyAsync(file);
        var reading = Readings.Reading(Readings.Start, 1m);
        Func<Task>[] writes =
        [
            () => store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 1m)),
            () => store.RecordManyAsync([]),
            () => store.ImportAsync([reading]),
            () => store.ImportAsync(new[] { reading }.ToAsyncEnumerable()),
            () => store.ApplyRetentionAsync(),
            () => store.SaveNotifiedLevelAsync(new NotifiedLevel("webhook:a", "telnyx", "eu", BalanceLevel.Ok, Readings.Start)),
        ];

        foreach (var write in writes)
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(write);
            Assert.Equal($"{file} was opened read-only (BalanceStore.OpenReadOnlyAsync); it cannot be written.", exception.Message);
        }

        Assert.Equal(before, _folder.Hashes());
    }

    [Fact]
    public async Task ReadAsync_AnotherProcessWritesTheFileWhileItIsReadAlone_ThrowsBusyAfterTheReadings()
    {
        var file = await StoreWithABurnAsync();
        await using var store = await BalanceStore.OpenReadOnlyAsync(file);
        var readings = store.ReadAsync().GetAsyncEnumerator();
        Assert.True(await readings.MoveNextAsync());

        // The writer's last connection folds its log into the file as it closes: the file read alone (as immutable) changes.
        await using (var writer = await BalanceStore.OpenAsync(file, new BalanceStoreOptions { RawRetention = null }))
        {
            await writer.RecordManyAsync(Enumerable.Range(0, 50).Select(i => Readings.Telnyx($"a{i}", Readings.Start, i)));
        }

        var exception = await Assert.ThrowsAsync<BalanceStoreException>(async () =>
        {
            while (await readings.MoveNextAsync())
            {
            }
        });
        await readings.DisposeAsync();

        Assert.Equal(
            (BalanceStoreErrorKind.Busy, $"{file} was written by another process while it was read; read it again."),
            (exception.Kind, exception.Message));
        Assert.Equal(676, (await store.ReadAsync().ToListAsync()).Count);
    }

    // A day of Telnyx's account eu spending 1 USD every 5 minutes, up to the clock's now: 288 readings of two kinds, closed.
    private async Task<string> StoreWithABurnAsync()
    {
        var now = _clock.GetUtcNow();
        await using var store = await BalanceStore.OpenAsync(_folder.File(), new BalanceStoreOptions { RawRetention = null });
        await store.RecordManyAsync(Enumerable.Range(0, 288).Select(i => Readings.Telnyx("eu", now - (Step * (287 - i)), 1000 - i)));
        return store.Path;
    }

    // The file's and its log's bytes (not the log's shared-memory index, which readers write as SQLite's shared memory).
    private List<(string Name, string Sha256)> DataFiles() =>
        [.. _folder.Hashes().Where(f => !f.Name.EndsWith("-shm", StringComparison.Ordinal))];
}
