using BalanceClients.Tests.Cli;

namespace BalanceClients.Tests.Testing;

/// <summary>No server a test starts as a process outlives the test process, however it ends.</summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class ServerProcessTests
{
    [Fact]
    public async Task StartAsync_TheTestProcessEnds_TheServerIsKilled()
    {
        await using var serve = await ServeProcess.StartAsync("--demo", "--listen", "127.0.0.1:0", "--interval", "10");
        using var http = new HttpClient { BaseAddress = serve.BaseUrl };
        using (var response = await http.GetAsync("/healthz"))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        await serve.Server.EndTestProcessAsync().WithinLimit("the server to be killed once its watchdog's stdin ended");

        Assert.False(ChildProcesses.IsRunning(serve.Server.ProcessId));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/healthz"));
    }

    [Fact]
    public async Task StartAsync_TheServerExitsFirst_FailsWithItsOutput()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServeProcess.StartAsync("--listen", "127.0.0.1:0"));

        Assert.StartsWith("balances serve exited with 64:\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("balances: ", failure.Message, StringComparison.Ordinal);
    }
}
