using System.Text.Json.Nodes;
using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Tests.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BalanceClients.Tests.History;

/// <summary>
/// What a replica that follows serves from the store (<see cref="StoreReadings"/>): every account's latest reading, the later reads
/// merged from the rows changed since, with the runway the leader carried in each row, estimated only for a row of an older leader;
/// another store in the file's place is read whole again.
/// </summary>
public sealed class StoreReadingsTests : IAsyncDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private readonly StoreFolder _folder = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly LatestRunways _runways = new();
    private readonly BalanceHistory _leader;
    private readonly BalanceHistory _follower;

    public StoreReadingsTests()
    {
        var options = Options.Create(new BalanceHistoryOptions { Path = _folder.File() });
        _leader = new BalanceHistory(options, _clock);
        _follower = new BalanceHistory(options, _clock);
    }

    [Fact]
    public async Task ReadLatestAsync_LeaderSavesAgain_ServesEveryAccountWithTheRunwayItCarries()
    {
        var leader = await _leader.GetStoreAsync();
        var runway = new BalanceRunway(3600, _clock.GetUtcNow().AddHours(1), 24m, AmountKinds.AvailableCredit, "USD");
        await leader.SaveLatestAsync([(At("b", 20m), runway)], CancellationToken.None);
        await leader.SaveLatestAsync([(At("a", 10m), null)], CancellationToken.None);
        var readings = Follower();

        var first = await readings.ReadLatestAsync(CancellationToken.None);
        var later = runway with { Seconds = 1800 };
        await leader.SaveLatestAsync([(At("a", 9m, Step), later)], CancellationToken.None);
        var second = await readings.ReadLatestAsync(CancellationToken.None);
        await leader.SaveLatestAsync([(At("0", 5m, Step), null)], CancellationToken.None);
        await leader.SaveLatestAsync([(At("b", 19m, Step), null)], CancellationToken.None);
        var third = await readings.ReadLatestAsync(CancellationToken.None);

        // Each read's list stays as it was published.
        Assert.Equal(["telnyx/a 10", "telnyx/b 20"], first!.Select(Describe));
        Assert.Equal(["telnyx/a 9", "telnyx/b 20"], second!.Select(Describe));
        Assert.Equal(["telnyx/0 5", "telnyx/a 9", "telnyx/b 19"], third!.Select(Describe));
        // The store holds no history to estimate from: the runways are the leader's.
        Assert.Equal((later, null), (_runways.Of("telnyx", "a"), _runways.Of("telnyx", "b")));
    }

    [Fact]
    public async Task ReadLatestAsync_ARowOfAnOlderLeader_EstimatesItsRunwayFromTheStore()
    {
        var leader = await _leader.GetStoreAsync();
        var now = _clock.GetUtcNow();
        await leader.RecordManyAsync(Enumerable.Range(0, 288).Select(i => Readings.Telnyx("a", now - (Step * (287 - i)), 1000 - i)));
        var row = LatestReadingJson.RowOf(At("a", 713m), runway: null);
        var document = JsonNode.Parse(row.Reading)!.AsObject();
        Assert.True(document.Remove("Runway") && document.Remove("HasRunway"));
        using (var connection = new SqliteConnection($"Data Source={leader.Path};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO latest (provider, account, time, reading) VALUES ($p, $a, $t, $r)";
            insert.Parameters.AddWithValue("$p", row.Provider);
            insert.Parameters.AddWithValue("$a", row.Account);
            insert.Parameters.AddWithValue("$t", row.Time);
            insert.Parameters.AddWithValue("$r", document.ToJsonString());
            insert.ExecuteNonQuery();
        }

        var read = await Follower().ReadLatestAsync(CancellationToken.None);

        Assert.Equal(["telnyx/a 713"], read!.Select(Describe));
        Assert.NotNull(_runways.Of("telnyx", "a"));
        Assert.Equal(await leader.EstimateRunwayAsync("telnyx", "a"), _runways.Of("telnyx", "a"));
    }

    [Fact]
    public async Task ReadLatestAsync_AnotherStoreInTheFilesPlace_ServesOnlyWhatItHolds()
    {
        var leader = await _leader.GetStoreAsync();
        var runway = new BalanceRunway(3600, _clock.GetUtcNow().AddHours(1), 24m, AmountKinds.AvailableCredit, "USD");
        await leader.SaveLatestAsync([(At("a", 10m), runway)], CancellationToken.None);
        await leader.SaveLatestAsync([(At("b", 20m), null)], CancellationToken.None);
        var readings = Follower();
        await readings.ReadLatestAsync(CancellationToken.None);

        foreach (var file in Directory.GetFiles(_folder.Path))
        {
            File.Delete(file);
        }

        await (await _leader.GetStoreAsync()).SaveLatestAsync([(At("c", 30m), null)], CancellationToken.None);
        var read = await readings.ReadLatestAsync(CancellationToken.None);

        Assert.Equal(["telnyx/c 30"], read!.Select(Describe));
        Assert.Null(_runways.Of("telnyx", "a"));
    }

    [Fact]
    public async Task ReadLatestAsync_AnotherStoreWithMoreWritesInTheFilesPlace_ServesOnlyWhatItHolds()
    {
        var leader = await _leader.GetStoreAsync();
        await leader.SaveLatestAsync([(At("a", 10m), null)], CancellationToken.None);
        await leader.SaveLatestAsync([(At("b", 20m), null)], CancellationToken.None);
        var readings = Follower();
        await readings.ReadLatestAsync(CancellationToken.None);

        foreach (var file in Directory.GetFiles(_folder.Path))
        {
            File.Delete(file);
        }

        // The new file's numbers pass the follower's cursor: only the store's identity tells the two apart.
        var renewed = await _leader.GetStoreAsync();
        foreach (var account in new[] { "c", "d", "e" })
        {
            await renewed.SaveLatestAsync([(At(account, 30m), null)], CancellationToken.None);
        }

        var read = await readings.ReadLatestAsync(CancellationToken.None);

        Assert.Equal(["telnyx/c 30", "telnyx/d 30", "telnyx/e 30"], read!.Select(Describe));
    }

    public async ValueTask DisposeAsync()
    {
        await _leader.DisposeAsync();
        await _follower.DisposeAsync();
        _folder.Dispose();
    }

    private StoreReadings Follower() => new(_follower, _runways, NullLogger<StoreReadings>.Instance);

    private BalanceReading At(string account, decimal amount, TimeSpan? later = null)
    {
        var time = _clock.GetUtcNow() + (later ?? TimeSpan.Zero);
        return new BalanceReading(Readings.Telnyx(account, time, amount), Readings.Telnyx(account, time, amount).Balance, time);
    }

    private static string Describe(BalanceReading reading) =>
        $"{reading.Provider}/{reading.Account} {reading.LastGood!.Primary!.Amount}";
}
