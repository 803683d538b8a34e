using BalanceClients.Tests.Cli;

namespace BalanceClients.Tests.Testing;

/// <summary>No server a test starts as a process outlives the test process, however it ends.</summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class ServerProcessTests
{
    private static readonly Dictionary<string, string?> NoVariables = [];

    [Fact]
    public async Task StartAsync_TheTestProcessEnds_TheServerIsKilled()
    {
        await using var serve = await WatchedServe.StartAsync(NoVariables, "--demo", "--listen", "127.0.0.1:0", "--interval", "10");
        using var http = new HttpClient { BaseAddress = serve.BaseUrl };
        using (var response = await http.GetAsync("/healthz"))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        await serve.EndTestProcessAsync().WithinLimit("the server to be killed once its watchdog's stdin ended");

        Assert.False(ChildProcesses.IsRunning(serve.ProcessId));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/healthz"));
    }

    [Fact]
    public async Task StartAsync_TheServerExitsFirst_FailsWithItsOutput()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => WatchedServe.StartAsync(NoVariables, "--listen", "127.0.0.1:0"));

        Assert.StartsWith("balances serve exited with 64:\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("balances: ", failure.Message, StringComparison.Ordinal);
    }
}
