using System.Globalization;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace BalanceClients.Benchmarks;

/// <summary>
/// A store as a monitor of many accounts leaves it: every account's latest reading in <c>latest</c> (the JSON document the leader
/// writes) and five-minute readings in the history, a full runway window (2 days, 576 readings) for the first
/// <see cref="FullAccounts"/> accounts and one hour (13 readings, enough for a runway) for the others. Written straight into the
/// product's tables (made by <see cref="BalanceStore.OpenAsync"/>) in one bulk transaction, which the product has no call for.
/// </summary>
/// <param name="accounts">How many accounts, spread over the five providers.</param>
/// <param name="now">The time of the fixture's newest readings.</param>
internal sealed class StoreFixture(int accounts, DateTimeOffset now)
{
    public const int FullAccounts = 1_000;

    private const int FullDepth = 576;
    private const int ShortDepth = 13;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    public int Accounts => accounts;

    public static string Provider(int account) => ProviderInfo.All[account % ProviderInfo.All.Count].Id;

    public static string Name(int account) => string.Create(CultureInfo.InvariantCulture, $"a{account:D6}");

    public static decimal Amount(int account, int step) => 5000m - ((0.05m + (0.05m * (account % 10))) * step);

    /// <summary>The reading of an account at its step-th check (from 0), as the monitor would hold it.</summary>
    public static BalanceReading Reading(int account, int step, DateTimeOffset at)
    {
        var (provider, name) = (Provider(account), Name(account));
        var kind = ProviderInfo.All[account % ProviderInfo.All.Count].PrimaryKind;
        var balance = new AccountBalance(provider, name, [new BalanceAmount(kind, Amount(account, step), "USD", true)], null, at);
        var result = new BalanceCheckResult(provider, name, balance, null, TimeSpan.FromMilliseconds(150));
        return new BalanceReading(result, balance, at)
        {
            CheckCounts = new Dictionary<string, long>(StringComparer.Ordinal) { ["success"] = step + 1 },
        };
    }

    /// <summary>The runway the leader would carry with an account's latest reading: its amount spent at its rate.</summary>
    public static BalanceRunway RunwayOf(int account, int step, DateTimeOffset at)
    {
        var perDay = (0.05m + (0.05m * (account % 10))) * (decimal)(TimeSpan.FromDays(1) / Step);
        var seconds = (long)(Amount(account, step) / perDay * 86_400m);
        return new BalanceRunway(seconds, at.AddSeconds(seconds), perDay, Kind(account), "USD");
    }

    public static int Depth(int account) => account < FullAccounts ? FullDepth : ShortDepth;

    public async Task FillSqliteAsync(string file)
    {
        await (await BalanceStore.OpenAsync(file)).DisposeAsync();
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var series = Command(connection, "INSERT INTO series (id, provider, account, kind, currency) VALUES ($1, $2, $3, $4, 'USD')");
        using var reading = Command(connection, "INSERT INTO readings (series, time, amount) VALUES ($1, $2, $3)");
        using var latest = Command(connection, "INSERT INTO latest (provider, account, time, reading) VALUES ($1, $2, $3, $4)");
        for (var account = 0; account < accounts; account++)
        {
            var row = LatestReadingJson.RowOf(LatestOf(account), RunwayOf(account));
            await RunAsync(series, account + 1, row.Provider, row.Account, Kind(account));
            foreach (var (time, amount) in History(account))
            {
                await RunAsync(reading, account + 1, time, amount.ToString(CultureInfo.InvariantCulture));
            }

            await RunAsync(latest, row.Provider, row.Account, row.Time, row.Reading);
        }

        transaction.Commit();
    }

    public async Task FillPostgreSqlAsync(string uri)
    {
        await (await BalanceStore.OpenAsync(uri)).DisposeAsync();
        await using var source = PostgreSqlStore.DataSource(PostgreSqlLocation.Parse(uri));
        await using var connection = await source.OpenConnectionAsync();
        await using (var series = await connection.BeginBinaryImportAsync(
            "COPY balances_series (provider, account, kind, currency) FROM STDIN (FORMAT BINARY)"))
        {
            for (var account = 0; account < accounts; account++)
            {
                await series.WriteRowAsync(CancellationToken.None, Provider(account), Name(account), Kind(account), "USD");
            }

            await series.CompleteAsync();
        }

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT account, id FROM balances_series", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        await CopyHistoryAsync(connection, ids);
        await CopyLatestAsync(connection);
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection);
        await vacuum.ExecuteNonQueryAsync();
    }

    private async Task CopyHistoryAsync(NpgsqlConnection connection, Dictionary<string, long> ids)
    {
        await using var readings = await connection.BeginBinaryImportAsync(
            "COPY balances_readings (series, time, amount) FROM STDIN (FORMAT BINARY)");
        for (var account = 0; account < accounts; account++)
        {
            foreach (var (time, amount) in History(account))
            {
                await readings.StartRowAsync();
                await readings.WriteAsync(ids[Name(account)], NpgsqlDbType.Bigint);
                await readings.WriteAsync(time, NpgsqlDbType.Bigint);
                await readings.WriteAsync(amount, NpgsqlDbType.Numeric);
            }
        }

        await readings.CompleteAsync();
    }

    private async Task CopyLatestAsync(NpgsqlConnection connection)
    {
        await using var latest = await connection.BeginBinaryImportAsync(
            "COPY balances_latest (provider, account, time, reading) FROM STDIN (FORMAT BINARY)");
        for (var account = 0; account < accounts; account++)
        {
            var row = LatestReadingJson.RowOf(LatestOf(account), RunwayOf(account));
            await latest.StartRowAsync();
            await latest.WriteAsync(row.Provider, NpgsqlDbType.Text);
            await latest.WriteAsync(row.Account, NpgsqlDbType.Text);
            await latest.WriteAsync(row.Time, NpgsqlDbType.Bigint);
            await latest.WriteAsync(row.Reading, NpgsqlDbType.Text);
        }

        await latest.CompleteAsync();
    }

    private static string Kind(int account) => ProviderInfo.All[account % ProviderInfo.All.Count].PrimaryKind;

    // The account's readings, oldest first, the newest at the fixture's time; its latest reading is the newest of them.
    private IEnumerable<(long Time, decimal Amount)> History(int account)
    {
        var depth = Depth(account);
        for (var step = 0; step < depth; step++)
        {
            yield return ((now - (Step * (depth - 1 - step))).ToUnixTimeMilliseconds(), Amount(account, step));
        }
    }

    private BalanceReading LatestOf(int account) => Reading(account, Depth(account) - 1, now);

    private BalanceRunway RunwayOf(int account) => RunwayOf(account, Depth(account) - 1, now);

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static async Task RunAsync(SqliteCommand command, params object[] values)
    {
        command.Parameters.Clear();
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"${i + 1}"), values[i]);
        }

        await command.ExecuteNonQueryAsync();
    }
}
