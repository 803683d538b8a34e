using System.Net.Sockets;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary>A flood of idle connections cannot take serve's file descriptors: past 512 at once, a new one is closed at once.</summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class ServeConnectionLimitTests
{
    private const int Limit = 512;

    [Fact]
    public async Task IdleConnections_PastTheLimit_AreClosedAndServeKeepsServing()
    {
        await using var serve = await WatchedServe.StartAsync(new Dictionary<string, string?>(), "--demo", "--listen", "127.0.0.1:0");
        var idle = new List<TcpClient>();
        try
        {
            for (var i = 0; i < Limit; i++)
            {
                var client = new TcpClient();
                idle.Add(client);
                await client.ConnectAsync(serve.BaseUrl.Host, serve.BaseUrl.Port).WithinLimit("a connection");
            }

            // Kestrel takes connections in the order they came: when it takes this one, the idle ones before it are counted.
            using (var surplus = new TcpClient())
            {
                await surplus.ConnectAsync(serve.BaseUrl.Host, serve.BaseUrl.Port).WithinLimit("the surplus connection");
                var read = await surplus.GetStream().ReadAsync(new byte[1]).AsTask().WithinLimit("the surplus connection to close");
                Assert.Equal(0, read);
            }

            idle[0].Dispose();
            idle.RemoveAt(0);
            using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = Bounded.Limit };
            await WaitUntilServedAsync(http);
        }
        finally
        {
            idle.ForEach(client => client.Dispose());
        }
    }

    // The connection closed is released by the server a moment later: /healthz is polled, on real time, with a deadline.
    private static Task WaitUntilServedAsync(HttpClient http) =>
        Bounded.UntilAsync(
            async deadline =>
            {
                try
                {
                    using var alive = await http.GetAsync("/healthz", deadline);
                    Assert.True(alive.IsSuccessStatusCode);
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "balances serve to answer again");
}
