using BalanceClients.History;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace BalanceClients.Tests.History;

/// <summary>
/// The election of one leader among processes on one SQLite store, through a lock on a file beside it: one leads at a time, the
/// other leads at its next attempt once the first lets go, and a lock file deleted under the leader is locked again.
/// </summary>
public sealed class FileLeadershipTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Attempt_TwoOnOneStore_OneLeadsUntilItLetsGoThenTheOther()
    {
        var store = _folder.File();
        await using var one = new FileLeadership(store, TimeProvider.System, NullLogger.Instance);
        await using var two = new FileLeadership(store, TimeProvider.System, NullLogger.Instance);
        var changes = 0;
        two.LeadershipChanged += (_, _) => changes++;

        one.Attempt();
        two.Attempt();
        two.Attempt();

        Assert.Equal((true, false, 0), (one.IsLeader, two.IsLeader, changes));
        Assert.True(File.Exists(store + FileLeadership.Suffix));

        await one.DisposeAsync();
        two.Attempt();

        Assert.Equal((false, true, 1), (one.IsLeader, two.IsLeader, changes));
    }

    [Fact]
    public async Task Attempt_LockFileDeletedUnderTheLeader_LocksTheNewFileAndKeepsLeading()
    {
        var store = _folder.File();
        await using var one = new FileLeadership(store, TimeProvider.System, NullLogger.Instance);
        await using var two = new FileLeadership(store, TimeProvider.System, NullLogger.Instance);
        var changes = 0;
        one.LeadershipChanged += (_, _) => changes++;
        one.Attempt();

        File.Delete(store + FileLeadership.Suffix);
        one.Attempt();
        two.Attempt();

        Assert.Equal((true, false, 1), (one.IsLeader, two.IsLeader, changes));
    }

    [Fact]
    public async Task RunAsync_LeaderStops_TheOtherLeadsAtItsNextAttemptOnItsClock()
    {
        var store = _folder.File();
        var time = new ManualTimeProvider();
        await using var one = new FileLeadership(store, time, NullLogger.Instance);
        await using var two = new FileLeadership(store, time, NullLogger.Instance);
        using var stopOne = new CancellationTokenSource();
        using var stopTwo = new CancellationTokenSource();
        var running = one.RunAsync(stopOne.Token);
        await one.Decided.WithinLimit("the first attempt");
        var other = two.RunAsync(stopTwo.Token);
        await two.Decided.WithinLimit("the other's first attempt");
        Assert.Equal((true, false), (one.IsLeader, two.IsLeader));

        await stopOne.CancelAsync();
        await running.WithinLimit("the leader to stop");
        Assert.False(one.IsLeader);
        var led = new TaskCompletionSource();
        two.LeadershipChanged += (_, _) => led.TrySetResult();
        await time.WaitForTimerAsync(PostgreSqlLeadership.CheckInterval);
        time.Advance(PostgreSqlLeadership.CheckInterval);

        await led.Task.WithinLimit("the other to lead");
        Assert.True(two.IsLeader);
        await stopTwo.CancelAsync();
        await other.WithinLimit("the other to stop");
    }
}
