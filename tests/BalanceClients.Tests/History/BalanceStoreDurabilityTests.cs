using BalanceClients.History;
using BalanceClients.Tests.Testing;
using Xunit.Abstractions;

namespace BalanceClients.Tests.History;

/// <summary>A reading once acknowledged survives a <c>kill -9</c> of its writer; writers of one file never fail each other.</summary>
public sealed class BalanceStoreDurabilityTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20_261_122;
    private static readonly BalanceStoreOptions KeepAll = new() { RawRetention = null };
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task RecordAsync_WriterKilledAtVariedMoments_KeepsAnIntactStoreAndEveryAcknowledgedReading(StoreKind kind)
    {
        var random = new Random(Seed);
        output.WriteLine($"Kill delays from seed {Seed}.");
        using var place = await StorePlace.CreateAsync(kind);
        var file = place.Location;
        var writers = new List<(StoreWriterProcess Writer, string Account, DateTimeOffset First)>();
        try
        {
            for (var round = 0; round < 10; round++)
            {
                var account = $"round-{round}";
                var first = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + (round * 100_000));
                var writer = StoreWriterProcess.Start(file, account, first);
                writers.Add((writer, account, first));

                // Real time on purpose: the kill must land wherever the child happens to be (starting, opening, mid-commit).
                // A writer on PostgreSQL loads Npgsql and connects first: its first commit comes later. Every other round counts
                // its delay from the first acknowledged commit, so that some kills land mid-stream however slowly a loaded
                // machine starts the writer.
                if (round % 2 == 1)
                {
                    await Bounded.UntilAsync(_ => Task.FromResult(writer.Committed.Count > 0), $"round {round}'s first commit");
                }

                var delay = TimeSpan.FromMilliseconds(random.Next(0, kind == StoreKind.Sqlite ? 1200 : 3000));
                await Task.Delay(delay);
                await writer.KillAsync();
                output.WriteLine(
                    $"Round {round}: killed after {delay.TotalMilliseconds} ms, {writer.Committed.Count} transactions acknowledged.");

                if (kind == StoreKind.Sqlite && File.Exists(file))
                {
                    Assert.Equal("ok", StoreFolder.Scalar(file, "PRAGMA integrity_check"));
                }

                await using var store = await BalanceStore.OpenAsync(file, KeepAll);
                foreach (var (earlier, earlierAccount, earlierFirst) in writers)
                {
                    await earlier.AssertAcknowledgedStoredAsync(store, earlierAccount, earlierFirst);
                }
            }

            Assert.Contains(writers, w => w.Writer.Committed.Count > 0);
        }
        finally
        {
            foreach (var (writer, _, _) in writers)
            {
                await writer.DisposeAsync();
            }
        }
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task RecordAsync_TwoProcessesWriteOneStoreAtOnce_BothSucceed(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        var file = place.Location;
        var first = Readings.Start;
        await using var one = StoreWriterProcess.Start(file, "one", first, count: 300);
        await using var two = StoreWriterProcess.Start(file, "two", first, count: 300);

        await Task.WhenAll(one.WaitForSuccessAsync(), two.WaitForSuccessAsync());

        await using var store = await BalanceStore.OpenAsync(file, KeepAll);
        Assert.Equal((300, 300), (one.Committed.Count, two.Committed.Count));
        await one.AssertAcknowledgedStoredAsync(store, "one", first);
        await two.AssertAcknowledgedStoredAsync(store, "two", first);
        Assert.Equal(2 * 300 * 4, (await store.ReadAsync().ToListAsync()).Count);
    }

    [Fact]
    public async Task RecordAsync_TwoConnectionsWriteOneFileAtOnce_BothSucceed()
    {
        await using var one = await BalanceStore.OpenAsync(_folder.File(), KeepAll);
        await using var two = await BalanceStore.OpenAsync(_folder.File(), KeepAll);

        await Task.WhenAll(Task.Run(() => WriteAsync(one, "one")), Task.Run(() => WriteAsync(two, "two")));

        var readings = await one.ReadAsync().ToListAsync();
        Assert.Equal((400, 400), (readings.Count(r => r.Account == "one"), readings.Count(r => r.Account == "two")));

        static async Task WriteAsync(BalanceStore store, string account)
        {
            for (var i = 0; i < 200; i++)
            {
                Assert.Equal(2, await store.RecordAsync(Readings.Telnyx(account, Readings.Start.AddSeconds(i), 1000 - i)));
            }
        }
    }
}
