using System.Collections.Concurrent;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Contracts;

/// <summary>No Prism server outlives its fixture or the test process, whatever fails.</summary>
public sealed class PrismFixtureTests
{
    [Fact]
    public async Task InitializeAsync_OneServerFailsToStart_StopsTheServersThatStartedAndReportsTheFailure()
    {
        var started = new ConcurrentBag<int>();
        var missing = Path.Combine(RepoPaths.Specs, "does-not-exist.yaml");
        var fixture = new PrismFixture(["telnyx", "broken", "lumenfall", "mesh"], async id =>
        {
            var server = await PrismServer.StartAsync(id == "broken" ? missing : RepoPaths.Spec(id));
            started.Add(server.ProcessId);
            return server;
        });

        var failure = await Assert.ThrowsAsync<AggregateException>(fixture.InitializeAsync);

        var message = Assert.Single(failure.InnerExceptions).Message;
        Assert.Contains($"prism exited with 1 before listening, for {missing}", message, StringComparison.Ordinal);
        Assert.Equal(3, started.Count);
        Assert.All(started, pid => Assert.False(ChildProcesses.IsRunning(pid), $"prism (pid {pid}) is still running"));
        await fixture.DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_TheTestProcessEnds_PrismExitsByItself()
    {
        await using var server = await PrismServer.StartAsync(RepoPaths.Spec("telnyx"));

        await server.EndTestProcessAsync().WithinLimit("prism to exit by itself once its stdin ended");

        Assert.False(ChildProcesses.IsRunning(server.ProcessId));
    }
}
