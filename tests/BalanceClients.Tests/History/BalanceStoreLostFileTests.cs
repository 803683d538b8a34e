using BalanceClients.History;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalanceClients.Tests.History;

/// <summary>
/// A store's file deleted (<c>rm balances.db*</c>) or replaced (a backup moved over it) while the store has it open: the store says
/// so instead of writing to a file nothing can read, never makes an empty file in its place, and a host's history opens it again.
/// </summary>
public sealed class BalanceStoreLostFileTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RecordAsync_FileDeletedWhileOpen_ThrowsSayingSoAndMakesNoFile()
    {
        await using var store = await BalanceStore.OpenAsync(_folder.File());
        await store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 100m));
        DeleteStoreFiles();

        var exception = await Assert.ThrowsAsync<BalanceStoreException>(
            () => store.RecordAsync(Readings.Telnyx("eu", Readings.Start.AddMinutes(5), 90m)));

        Assert.Equal(
            (BalanceStoreErrorKind.NotFound,
                $"{store.Path} was deleted while it was open; what is written now would be lost: open the store again."),
            (exception.Kind, exception.Message));
        Assert.Empty(_folder.Hashes());
    }

    [Fact]
    public async Task ReadAsync_FileDeletedWhileOpen_ThrowsSayingSoAndMakesNoFile()
    {
        await using var store = await BalanceStore.OpenAsync(_folder.File());
        await store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 100m));
        DeleteStoreFiles();

        var read = await Assert.ThrowsAsync<BalanceStoreException>(() => store.ReadAsync().ToListAsync());
        var runway = await Assert.ThrowsAsync<BalanceStoreException>(() => store.EstimateRunwayAsync("telnyx", "eu"));

        Assert.All(
            new[] { read, runway },
            exception => Assert.StartsWith($"{store.Path} was deleted while it was open", exception.Message, StringComparison.Ordinal));
        Assert.Empty(_folder.Hashes());
    }

    [Fact]
    public async Task RecordAsync_FileReplacedWhileOpen_ThrowsSayingSoAndLeavesTheNewFileAlone()
    {
        await using var store = await BalanceStore.OpenAsync(_folder.File());
        await using (var backup = await BalanceStore.OpenAsync(_folder.File("backup.db")))
        {
            await backup.RecordAsync(Readings.Telnyx("eu", Readings.Start, 100m));
        }

        File.Move(_folder.File("backup.db"), store.Path, overwrite: true);
        var before = _folder.Hashes();

        var exception = await Assert.ThrowsAsync<BalanceStoreException>(
            () => store.RecordAsync(Readings.Telnyx("eu", Readings.Start.AddMinutes(5), 90m)));

        Assert.Equal(BalanceStoreErrorKind.Failed, exception.Kind);
        Assert.StartsWith($"{store.Path} was replaced by another file while it was open", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Hashes());
    }

    [Fact]
    public async Task GetStoreAsync_FileDeletedWhileOpen_OpensANewStoreSayingSoOnce()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var options = Options.Create(new BalanceHistoryOptions { Path = _folder.File() });
        await using var history = new BalanceHistory(options, TimeProvider.System, factory.CreateLogger<BalanceHistory>());
        var first = await history.GetStoreAsync();
        await first.RecordAsync(Readings.Telnyx("eu", Readings.Start, 100m));
        DeleteStoreFiles();

        var second = await history.GetStoreAsync();
        await second.RecordAsync(Readings.Telnyx("eu", Readings.Start.AddMinutes(5), 90m));
        var third = await history.GetStoreAsync();

        Assert.NotSame(first, second);
        Assert.Same(second, third);
        Assert.Equal([90m, 80m], (await second.ReadAsync().ToListAsync()).Select(reading => reading.Amount));
        Assert.Contains(
            $"Warning BalanceClients.History.BalanceHistory: The store {history.Path} was deleted while it was open: a new store is "
            + "made in its place (the readings the deleted one held are gone) [",
            Assert.Single(logs.Lines, line => line.Contains("The store", StringComparison.Ordinal)),
            StringComparison.Ordinal);
    }

    private void DeleteStoreFiles()
    {
        foreach (var file in Directory.GetFiles(_folder.Path))
        {
            File.Delete(file);
        }
    }
}
