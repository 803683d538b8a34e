using System.Diagnostics;
using System.Text.RegularExpressions;
using BalanceClients.FakeProviders;
using BalanceClients.History;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// Two <c>balances serve</c> processes on one store, against one set of fake providers: one leads and checks, the other follows and
/// serves the same values; the leader killed by <c>kill -9</c> is followed by the other within 30 s, no reading lost; the database
/// restarted under the pair, both keep serving and recover; on one SQLite file, the second follows and never checks too; a level
/// change during a failover reaches a webhook once.
/// </summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed partial class ServeReplicaTests : IAsyncLifetime, IDisposable
{
    private const int Interval = 10;
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(30);
    private readonly StoreFolder _folder = new();
    private readonly List<ServerProcess> _replicas = [];
    private FakeProviderServer _fakes = null!;

    public async Task InitializeAsync() => _fakes = await FakeProviderServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        await _fakes.DisposeAsync();
    }

    public void Dispose() => _folder.Dispose();

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task TwoReplicasOnPostgreSql_OneMonitorsAndBothServeTheSameAmounts()
    {
        var server = await PostgreSqlServer.GetAsync();
        var store = server.Uri(await server.CreateDatabaseAsync());
        var (one, two) = (await StartAsync(store), await StartAsync(store));
        await ReadyAsync(one, two);

        var before = Requests();
        await Task.Delay(TimeSpan.FromSeconds(3 * Interval));
        var made = Requests() - before;

        // One monitor checks each of the 5 accounts once every 9 to 11 s: at most 4 times in 30 s; two would make 6.
        Assert.InRange(made, 5 * 2, 5 * 4);
        Assert.Equal(1, await LeaderAsync(one) + await LeaderAsync(two));
        await Bounded.UntilAsync(
            async _ => (await AmountsAsync(one)).SequenceEqual(await AmountsAsync(two)) && (await AmountsAsync(one)).Count >= 5,
            "both replicas to show the same amounts");
        Assert.DoesNotContain(PostgreSqlServer.Password, one.Output + two.Output, StringComparison.Ordinal);
    }

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task LeaderKilled_TheOtherLeadsWithin30SecondsAndNoReadingIsLost()
    {
        var server = await PostgreSqlServer.GetAsync();
        var store = server.Uri(await server.CreateDatabaseAsync());
        var (one, two) = (await StartAsync(store), await StartAsync(store));
        await ReadyAsync(one, two);
        var (leader, follower) = await LeaderAsync(one) == 1 ? (one, two) : (two, one);
        var recordedBefore = await RecordedAsync(store);

        KillHard(leader);
        var killed = Stopwatch.StartNew();
        await UntilAsync(async () => await LeaderAsync(follower) == 1, Failover, "the follower to lead");
        var tookOver = killed.Elapsed;
        var checksBefore = Requests();
        await UntilAsync(() => Task.FromResult(Requests() >= checksBefore + 5), Failover, "the new leader to check every account");

        Assert.True(tookOver < Failover, $"took over after {tookOver}");
        var recordedAfter = await RecordedAsync(store);
        Assert.Empty(recordedBefore.Except(recordedAfter));
        Assert.True(recordedAfter.Count > recordedBefore.Count);
        using var http = Http(follower);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
    }

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task DatabaseRestarted_BothKeepServingTheLastReadingsAndRecover()
    {
        await using var server = await PostgreSqlServer.StartOwnAsync();
        var store = server.Uri(await server.CreateDatabaseAsync());
        var (one, two) = (await StartAsync(store), await StartAsync(store));
        await ReadyAsync(one, two);
        var served = await AmountsAsync(one);

        await server.StopForAWhileAsync(TimeSpan.FromSeconds(5), async () =>
        {
            foreach (var replica in new[] { one, two })
            {
                Assert.Equal(served, await AmountsAsync(replica));
                using var http = Http(replica);
                Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
            }
        });

        await UntilAsync(
            async () => await LeaderAsync(one) + await LeaderAsync(two) == 1, Failover, "one replica to lead again");
        var checksBefore = Requests();
        await UntilAsync(() => Task.FromResult(Requests() >= checksBefore + 5), Failover, "the checks to go on");
        var recorded = await RecordedAsync(store);
        Assert.Contains(recorded, reading => reading.Time > DateTimeOffset.UtcNow.AddSeconds(-Interval * 2));
    }

    [Fact]
    public async Task TwoServesOnOneSqliteStore_TheSecondFollowsAndNeverChecks()
    {
        var store = _folder.File();
        var one = await StartAsync(store);
        await ReadyAsync(one);
        var two = await StartAsync(store);
        await ReadyAsync(two);

        var before = Requests();
        await Task.Delay(TimeSpan.FromSeconds(3 * Interval));
        var made = Requests() - before;

        Assert.InRange(made, 5 * 2, 5 * 4);
        Assert.Equal((1, 0), (await LeaderAsync(one), await LeaderAsync(two)));
        Assert.Equal(await AmountsAsync(one), await AmountsAsync(two));

        await one.SignalAsync("TERM");
        Assert.Equal(0, await one.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        await UntilAsync(async () => await LeaderAsync(two) == 1, Failover, "the second to lead");
    }

    private async Task<ServerProcess> StartAsync(
        string store, IReadOnlyDictionary<string, string?>? environment = null, params string[] args)
    {
        var replica = await WatchedServe.StartAsync(
            environment ?? _fakes.Environment, ["--listen", "127.0.0.1:0", "--interval", $"{Interval}", "--store", store, .. args]);
        _replicas.Add(replica);
        return replica;
    }

    private int Requests() => _fakes.Providers.Values.Sum(provider => provider.Requests.Count);

    private static HttpClient Http(ServerProcess replica) => new() { BaseAddress = replica.BaseUrl, Timeout = Bounded.Limit };

    private static async Task ReadyAsync(params ServerProcess[] replicas)
    {
        foreach (var replica in replicas)
        {
            using var http = Http(replica);
            await Bounded.UntilAsync(
                async deadline => (await http.GetAsync("/readyz", deadline)).IsSuccessStatusCode, "balances serve to be ready");
        }
    }

    private static async Task<int> LeaderAsync(ServerProcess replica) =>
        int.Parse(Leader().Match(await MetricsAsync(replica)).Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<string>> AmountsAsync(ServerProcess replica) =>
        [.. (await MetricsAsync(replica)).Split('\n').Where(line => line.StartsWith("balances_amount{", StringComparison.Ordinal))];

    private static async Task<string> MetricsAsync(ServerProcess replica)
    {
        using var http = Http(replica);
        return await http.GetStringAsync("/metrics");
    }

    private static async Task<List<StoredReading>> RecordedAsync(string store)
    {
        await using var reader = await BalanceStore.OpenReadOnlyAsync(store);
        return await reader.ReadAsync().ToListAsync();
    }

    // kill -9 of the server itself, not of the watchdog script that runs it.
    private static void KillHard(ServerProcess replica)
    {
        var children = File.ReadAllText($"/proc/{replica.ProcessId}/task/{replica.ProcessId}/children")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
        var server = children.Single(pid => File.ReadAllText($"/proc/{pid}/comm").Trim() is not "bash");
        Process.GetProcessById(server).Kill();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds} s for {what}, in vain.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    [GeneratedRegex(@"^balances_leader (?<value>[01])$", RegexOptions.Multiline)]
    private static partial Regex Leader();
}
