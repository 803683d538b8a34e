using System.Diagnostics;
using BalanceClients.History;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BalanceClients.Benchmarks;

/// <summary>
/// `store-cost ACCOUNTS FOLDER [POSTGRESQL-URI POSTGRESQL-DATA]`: the cost of one reading recorded (<see cref="ReadingCost"/>) and
/// of following (<see cref="FollowerCost"/>) on a SQLite file in a temporary folder under FOLDER (removed afterwards) and, if
/// given, on a PostgreSQL database (empty; its server's data folder is where its CPU time is read), each filled with ACCOUNTS
/// accounts first (<see cref="StoreFixture"/>). Both stores as the product opens them: nothing is tuned for the benchmark.
/// <c>store.sh</c> starts the private PostgreSQL server and runs this.
/// </summary>
internal static class StoreCostRun
{
    public static async Task RunAsync(int accounts, string folder, string? postgreSqlUri, string? postgreSqlData)
    {
        var directory = Path.Combine(folder, $"balances-store-bench-{Guid.NewGuid():N}");
        var file = Path.Combine(directory, "balances.db");
        try
        {
            await MeasureAsync("SQLite", file, accounts, new ProcessorTime(null), fixture => fixture.FillSqliteAsync(file));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        if (postgreSqlUri is not null)
        {
            var cpu = new ProcessorTime(postgreSqlData);
            await MeasureAsync("PostgreSQL", postgreSqlUri, accounts, cpu, fixture => fixture.FillPostgreSqlAsync(postgreSqlUri));
        }
    }

    public static void Row(string what, string figure) => Console.WriteLine($"| {what} | {figure} |");

    private static async Task MeasureAsync(string engine, string path, int accounts, ProcessorTime cpu, Func<StoreFixture, Task> fill)
    {
        Console.WriteLine($"\n{engine}, {accounts:N0} accounts; load average {LoadAverage()}");
        var fixture = new StoreFixture(accounts, DateTimeOffset.UtcNow);
        var filled = Stopwatch.StartNew();
        await fill(fixture);
        Console.WriteLine($"filled in {filled.Elapsed.TotalSeconds:F0} s; {await SettingsAsync(path)}");
        var at = DateTimeOffset.UtcNow;
        var document = LatestReadingJson.RowOf(StoreFixture.Reading(0, 0, at), StoreFixture.RunwayOf(0, 0, at)).Reading.Length;
        Console.WriteLine($"a `latest` document: {document} characters");
        var options = Options.Create(new BalanceHistoryOptions { Path = path });
        await using (var history = new BalanceHistory(options, TimeProvider.System))
        {
            Console.WriteLine("\n| measure | figure |\n| --- | --- |");
            await new ReadingCost(history, cpu).MeasureAsync();
            await new FollowerCost(history, cpu, accounts).MeasureAsync();
        }

        Console.WriteLine($"\nload average at the end {LoadAverage()}");
    }

    // What makes a commit durable, as the store runs: SQLite's journal and sync mode, PostgreSQL's server settings.
    private static async Task<string> SettingsAsync(string path)
    {
        if (!PostgreSqlLocation.IsUri(path))
        {
            using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT sqlite_version() || ', journal_mode=' || (SELECT journal_mode FROM pragma_journal_mode)";
            return $"SQLite {await command.ExecuteScalarAsync()}, synchronous=FULL (set by the store on each of its connections)";
        }

        await using var source = PostgreSqlStore.DataSource(PostgreSqlLocation.Parse(path));
        await using var settings = source.CreateCommand(
            """
            SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings
            WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'commit_delay',
                           'shared_buffers', 'wal_level')
            """);
        return $"PostgreSQL {await settings.ExecuteScalarAsync()}";
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
