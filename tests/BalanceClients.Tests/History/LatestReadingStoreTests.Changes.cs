using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Tests.Testing;
using Npgsql;

namespace BalanceClients.Tests.History;

/// <summary>
/// A follower's reads of the <c>latest</c> table: after a whole read, each read gives every row written since the one before (on
/// PostgreSQL also those of a transaction that committed after a later one), and a read whose cursor the store does not know (another
/// store in its place) is whole again.
/// </summary>
public sealed partial class LatestReadingStoreTests
{
    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ReadLatestAsync_SinceTheLastRead_GivesTheRowsWrittenSince(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        await store.SaveLatestAsync([(At("a", Readings.Start, 10m), null)], CancellationToken.None);
        await store.SaveLatestAsync([(At("b", Readings.Start, 20m), null)], CancellationToken.None);
        var first = await store.ReadLatestAsync(since: null, CancellationToken.None);

        await store.SaveLatestAsync([(At("b", Readings.Start.AddMinutes(5), 21m), Runway)], CancellationToken.None);
        await store.SaveLatestAsync([(At("c", Readings.Start.AddMinutes(5), 30m), null)], CancellationToken.None);
        var second = await store.ReadLatestAsync(first.Cursor, CancellationToken.None);

        Assert.True(first.IsWhole);
        Assert.Equal(["a", "b"], Accounts(first));
        Assert.False(second.IsWhole);
        Assert.Contains("b", Accounts(second));
        Assert.Contains("c", Accounts(second));
        var b = second.Rows.Select(row => LatestReadingJson.ReadingOf(row)!).Single(l => l.Reading.Account == "b");
        Assert.Equal((21m, Runway), (b.Reading.LastGood!.Primary!.Amount, b.Runway));
        if (kind == StoreKind.Sqlite)
        {
            // One writer commits at a time: exactly the rows written since, and none once nothing is.
            Assert.Equal(["b", "c"], Accounts(second));
            Assert.Empty((await store.ReadLatestAsync(second.Cursor, CancellationToken.None)).Rows);
        }
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ReadLatestAsync_ACursorTheStoreDoesNotKnow_ReadsEveryRow(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        await store.SaveLatestAsync([(At("a", Readings.Start, 10m), null)], CancellationToken.None);

        // As after a backup put in the file's place, or a database restored in another cluster: the store's numbers are below it.
        var read = await store.ReadLatestAsync(long.MaxValue, CancellationToken.None);

        Assert.True(read.IsWhole);
        Assert.Equal(["a"], Accounts(read));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ReadLatestAsync_AnOlderReadingNotKept_IsNotAChange(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        await store.SaveLatestAsync([(At("a", Readings.Start.AddMinutes(5), 10m), null)], CancellationToken.None);
        var first = await store.ReadLatestAsync(since: null, CancellationToken.None);

        await store.SaveLatestAsync([(At("a", Readings.Start, 9m), null)], CancellationToken.None);
        var second = await store.ReadLatestAsync(first.Cursor, CancellationToken.None);

        Assert.All(second.Rows, row => Assert.Equal(10m, LatestReadingJson.ReadingOf(row)!.Reading.LastGood!.Primary!.Amount));
        if (kind == StoreKind.Sqlite)
        {
            Assert.Empty(second.Rows);
        }
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ReadLatestAsync_RowsWrittenByAnOlderVersionsStatements_AreChangesToo(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        await store.SaveLatestAsync([(At("a", Readings.Start, 10m), null)], CancellationToken.None);
        var first = await store.ReadLatestAsync(since: null, CancellationToken.None);

        // What a replica of the version before writes during a rolling update: the statements that know no change number.
        var (a, b) = (LatestReadingJson.RowOf(At("a", Readings.Start.AddMinutes(5), 11m), null),
            LatestReadingJson.RowOf(At("b", Readings.Start.AddMinutes(5), 20m), null));
        foreach (var row in new[] { a, b })
        {
            var (time, reading) = (row.Time, row.Reading.Replace("'", "''", StringComparison.Ordinal));
            var sql = kind == StoreKind.Sqlite
                ? $"INSERT INTO latest (provider, account, time, reading) VALUES ('telnyx', '{row.Account}', {time}, '{reading}') "
                    + "ON CONFLICT (provider, account) DO UPDATE SET time = excluded.time, reading = excluded.reading"
                : $"INSERT INTO balances_latest (provider, account, time, reading) VALUES ('telnyx', '{row.Account}', {time}, '{reading}') "
                    + "ON CONFLICT (lower(provider), lower(account)) DO UPDATE SET time = excluded.time, reading = excluded.reading";
            await ExecuteAsync(place, sql);
        }

        var second = await store.ReadLatestAsync(first.Cursor, CancellationToken.None);

        Assert.False(second.IsWhole);
        Assert.Equal(["a", "b"], Accounts(second));
        Assert.Equal(11m, LatestReadingJson.ReadingOf(second.Rows.Single(r => r.Account == "a"))!.Reading.LastGood!.Primary!.Amount);
    }

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task ReadLatestAsync_ATransactionThatCommitsAfterALaterOne_IsReadByTheNextRead()
    {
        using var place = await StorePlace.CreateAsync(StoreKind.PostgreSql);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        var start = await store.ReadLatestAsync(since: null, CancellationToken.None);

        // A writer that began first (the lower transaction id) and commits last, as another replica's slow write may.
        await using var slow = await place.Server!.ConnectAsync(place.Database!);
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var write = new NpgsqlCommand(
            "INSERT INTO balances_latest (provider, account, time, reading) VALUES ($1, $2, $3, $4)", slow, transaction))
        {
            var row = LatestReadingJson.RowOf(At("slow", Readings.Start, 1m), null);
            write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.Provider });
            write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.Account });
            write.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.Time });
            write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.Reading });
            await write.ExecuteNonQueryAsync();
        }

        await store.SaveLatestAsync([(At("quick", Readings.Start, 2m), null)], CancellationToken.None);
        var beforeTheSlowCommits = await store.ReadLatestAsync(start.Cursor, CancellationToken.None);
        await transaction.CommitAsync();
        var after = await store.ReadLatestAsync(beforeTheSlowCommits.Cursor, CancellationToken.None);

        Assert.Equal(["quick"], Accounts(beforeTheSlowCommits));
        Assert.Contains("slow", Accounts(after));
    }

    [Fact]
    public async Task OpenAsync_AFileOfVersion5_KeepsItsLatestReadingsAndNumbersTheNextWrites()
    {
        using var folder = new StoreFolder();
        var row = LatestReadingJson.RowOf(At("a", Readings.Start, 10m), null);
        var file = folder.FileOfVersion(
            5, $"INSERT INTO latest VALUES ('{row.Provider}', '{row.Account}', {row.Time}, '{row.Reading.Replace("'", "''")}')");

        await using var store = await BalanceStore.OpenAsync(file);
        var first = await store.ReadLatestAsync(since: null, CancellationToken.None);
        await store.SaveLatestAsync([(At("b", Readings.Start, 20m), null)], CancellationToken.None);
        var second = await store.ReadLatestAsync(first.Cursor, CancellationToken.None);

        Assert.Equal(6L, StoreFolder.Scalar(file, "PRAGMA user_version"));
        Assert.True(first.IsWhole);
        Assert.Equal(["a"], Accounts(first));
        Assert.Equal(10m, LatestReadingJson.ReadingOf(first.Rows[0])!.Reading.LastGood!.Primary!.Amount);
        Assert.Equal(["b"], Accounts(second));
    }

    private static async Task ExecuteAsync(StorePlace place, string sql)
    {
        if (place.Kind == StoreKind.Sqlite)
        {
            StoreFolder.Scalar(place.Location, sql);
            return;
        }

        await place.Server!.ScalarAsync(place.Database!, sql);
    }

    private static BalanceReading At(string account, DateTimeOffset time, decimal amount) =>
        new(Readings.Telnyx(account, time, amount), Readings.Telnyx(account, time, amount).Balance, time);

    private static List<string> Accounts(LatestChanges changes) =>
        [.. changes.Rows.Select(row => row.Account).Order(StringComparer.Ordinal)];
}
