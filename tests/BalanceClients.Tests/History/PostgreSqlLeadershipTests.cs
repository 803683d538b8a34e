using BalanceClients.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.History;

/// <summary>
/// The election of one leader among processes on one PostgreSQL store, against a real server: one leads at a time; when its session
/// ends (stopped, or cut by the server) another leads; a leader whose session is cut stops leading; after a restart of the database
/// one leads again.
/// </summary>
public sealed class PostgreSqlLeadershipTests
{
    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task RunAsync_TwoProcesses_OneLeadsThenTheOtherOnceItStops()
    {
        var server = await PostgreSqlServer.GetAsync();
        var uri = server.Uri(await server.CreateDatabaseAsync());
        await using var one = new Candidate(uri);
        await using var two = new Candidate(uri);

        await OneLeadsAsync(one, two);
        var (leader, other) = one.Election.IsLeader ? (one, two) : (two, one);
        await Task.Delay(PostgreSqlLeadership.CheckInterval * 2);
        Assert.False(other.Election.IsLeader);

        await leader.StopAsync();

        Assert.False(leader.Election.IsLeader);
        await Bounded.UntilAsync(_ => Task.FromResult(other.Election.IsLeader), "the other to lead");
    }

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task RunAsync_LeadersSessionTerminated_StopsLeadingAndOneLeadsAgain()
    {
        var server = await PostgreSqlServer.GetAsync();
        var database = await server.CreateDatabaseAsync();
        var uri = server.Uri(database);
        await using var one = new Candidate(uri);
        await using var two = new Candidate(uri);
        await OneLeadsAsync(one, two);
        var leader = one.Election.IsLeader ? one : two;

        await server.ScalarAsync(
            database,
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = 3 AND granted"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");

        // Real time: the server ends the session when it ends it. Watched every 20 ms for three checks' time: the old leader stops,
        // and never do both lead.
        var (oldStopped, bothLed) = (false, false);
        for (var watched = TimeSpan.Zero; watched < PostgreSqlLeadership.CheckInterval * 3; watched += TimeSpan.FromMilliseconds(20))
        {
            oldStopped |= !leader.Election.IsLeader;
            bothLed |= one.Election.IsLeader && two.Election.IsLeader;
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        Assert.True(oldStopped);
        Assert.False(bothLed);
        await Bounded.UntilAsync(_ => Task.FromResult(one.Election.IsLeader ^ two.Election.IsLeader), "one leader again");
    }

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task RunAsync_StoreOfANewerSchema_NeitherLeadsNorKeepsLeadingAndSaysSoOnce()
    {
        var server = await PostgreSqlServer.GetAsync();
        var database = await server.CreateDatabaseAsync();
        var uri = server.Uri(database);
        await (await BalanceStore.OpenAsync(uri)).DisposeAsync();
        await using var leader = new Candidate(uri);
        await Bounded.UntilAsync(_ => Task.FromResult(leader.Election.IsLeader), "the lone candidate to lead");

        await server.ScalarAsync(database, "UPDATE balances_meta SET value = 99 WHERE key = 'schema_version'");
        await Bounded.UntilAsync(_ => Task.FromResult(!leader.Election.IsLeader), "the leader to stop leading");
        await using var other = new Candidate(uri);
        await Task.Delay(PostgreSqlLeadership.CheckInterval * 2);

        Assert.False(leader.Election.IsLeader || other.Election.IsLeader);
        Assert.Equal(0L, await server.ScalarAsync(
            database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 3 AND granted"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
        Assert.Single(leader.Log.Lines, line => line.Contains("neither writes nor leads", StringComparison.Ordinal));
        Assert.Contains(
            $"has schema 99, newer than it knows ({PostgreSqlSchema.CurrentVersion})", leader.Log.AllText, StringComparison.Ordinal);
    }

    private static async Task OneLeadsAsync(Candidate one, Candidate two)
    {
        try
        {
            await Bounded.UntilAsync(_ => Task.FromResult(one.Election.IsLeader ^ two.Election.IsLeader), "one leader of two");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message} The elections logged:\n{one.Log.AllText}\n{two.Log.AllText}", exception);
        }
    }

    /// <summary>One process's part in the election, running until disposed.</summary>
    private sealed class Candidate : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _running;


        public Candidate(string uri)
        {
            Election = new PostgreSqlLeadership(PostgreSqlLocation.Parse(uri), TimeProvider.System, Log.CreateLogger("election"));
            _running = Election.RunAsync(_stop.Token);
        }

        public PostgreSqlLeadership Election { get; }

        /// <summary>What the election logged, for the message of a failing test.</summary>
        public CapturingLoggerProvider Log { get; } = new();

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _running.WithinLimit("the election to stop");
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            await Election.DisposeAsync();
            _stop.Dispose();
        }
    }
}
