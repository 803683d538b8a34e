using System.Net;
using System.Net.Sockets;
using System.Text;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// No client keeps serve's probes out: past 512 connections at once a new one is closed at once (the descriptors the checks need
/// stay free); one address holds at most 32 of them, idle or dripping its headers; and serve closes a connection that sends no
/// request for 10 s or takes more than 5 s over its headers. The attackers connect from other loopback addresses (127.0.0.2 and
/// up) than the probe's 127.0.0.1.
/// </summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class ServeConnectionLimitTests
{
    private const int Limit = 512;
    private const int PerAddress = 32;

    [Fact]
    public async Task IdleConnections_PastTheLimit_AreClosedAndServeKeepsServing()
    {
        await using var serve = await StartAsync();
        var idle = new List<TcpClient>();
        try
        {
            for (var i = 0; i < Limit; i++)
            {
                idle.Add(await ConnectAsync(serve, From(1, i / PerAddress)));
            }

            // Kestrel takes connections in the order they came: when it takes this one, the idle ones before it are counted.
            using (var surplus = await ConnectAsync(serve, From(2, 0)))
            {
                Assert.Equal(0, await ReadAsync(surplus, "the surplus connection to close"));
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OneAddress_OpeningSixHundredConnections_GetsItsShareAndTheProbesAreStillAnswered(bool dripping)
    {
        await using var serve = await StartAsync();
        using var stop = new CancellationTokenSource();
        var attacker = From(3, 0);
        var held = new List<TcpClient>();
        var drips = new List<Task>();
        try
        {
            // Serve resets what is past the address's share, sometimes before the client's connect has returned.
            for (var i = 0; i < 600; i++)
            {
                var client = new TcpClient(new IPEndPoint(attacker, 0));
                held.Add(client);
                try
                {
                    await client.ConnectAsync(serve.BaseUrl.Host, serve.BaseUrl.Port).WithinLimit("a connection");
                }
                catch (SocketException)
                {
                    continue;
                }

                if (dripping)
                {
                    drips.Add(DripAsync(client, stop.Token));
                }
            }

            using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
            using var alive = await http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }
        finally
        {
            await stop.CancelAsync();
            held.ForEach(client => client.Dispose());
            await Task.WhenAll(drips);
        }
    }

    [Fact]
    public async Task IdleAndDrippingConnections_AreClosedByServeAfterItsTimeouts()
    {
        await using var serve = await StartAsync();
        using var stop = new CancellationTokenSource();
        using var idle = await ConnectAsync(serve, From(4, 0));
        using var dripping = await ConnectAsync(serve, From(4, 1));
        var drip = DripAsync(dripping, stop.Token);
        try
        {
            Assert.Equal(0, await ReadAsync(idle, "serve to close a connection that sends nothing"));
            Assert.Equal(0, await ReadAsync(dripping, "serve to close a connection that drips its headers"));
        }
        finally
        {
            await stop.CancelAsync();
            await drip;
        }
    }

    private static Task<ServerProcess> StartAsync() =>
        WatchedServe.StartAsync(new Dictionary<string, string?>(), "--demo", "--listen", "127.0.0.1:0");

    private static IPAddress From(int group, int host) => new([127, 0, (byte)group, (byte)(host + 2)]);

    private static async Task<TcpClient> ConnectAsync(ServerProcess serve, IPAddress from)
    {
        var client = new TcpClient(new IPEndPoint(from, 0));
        await client.ConnectAsync(serve.BaseUrl.Host, serve.BaseUrl.Port).WithinLimit("a connection");
        return client;
    }

    // What the client reads, 0 once serve has closed the connection; an abortive close (a reset) is a close too.
    private static async Task<int> ReadAsync(TcpClient client, string what)
    {
        try
        {
            return await client.GetStream().ReadAsync(new byte[1]).AsTask().WithinLimit(what);
        }
        catch (Exception exception) when (exception is IOException || (exception is InvalidOperationException && !client.Connected))
        {
            // Reset, or found reset by a write before this read.
            return 0;
        }
    }

    // A request's first line, then one byte of a header every half second, never ending the headers.
    private static async Task DripAsync(TcpClient client, CancellationToken cancellationToken)
    {
        try
        {
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Drip: "), cancellationToken);
            while (true)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                await stream.WriteAsync("a"u8.ToArray(), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException
            or InvalidOperationException)
        {
            // Stopped, or closed by serve.
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
