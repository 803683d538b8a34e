using System.Net;
using System.Net.Sockets;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// <c>balances serve</c> under systemd's <c>Type=notify</c>: this test plays systemd's side of <c>NOTIFY_SOCKET</c>, as a process
/// that is not the service's parent, which is how a unit's <c>Type=notify</c> and the readiness it waits for are proven.
/// </summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class ServeSystemdTests
{
    [Fact]
    public async Task Serve_UnderNotifySocket_SaysReadyOnceServingThenItsStatusThenStoppingOnSigterm()
    {
        using var systemd = SystemdNotifySocket.Bind();
        await using var serve = await WatchedServe.StartAsync(Notifying(systemd), "--demo", "--listen", "127.0.0.1:0");

        Assert.Equal("READY=1", await systemd.ReceiveAsync());
        using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = Bounded.Limit };
        using var alive = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(
            $"STATUS=monitoring 5 account(s), recording nothing; serving {serve.BaseUrl.GetLeftPart(UriPartial.Authority)}",
            await systemd.ReceiveAsync());

        await serve.SignalAsync("TERM");

        Assert.Equal("STOPPING=1", await systemd.ReceiveAsync());
        Assert.Equal(0, await serve.WaitForExitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Serve_AddressInUseUnderNotifySocket_ExitsOneNeverReady()
    {
        using var systemd = SystemdNotifySocket.Bind();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var run = await CliRun.ProcessAsync(Notifying(systemd), "serve", "--demo", "--listen", address);

        Assert.Equal(1, run.ExitCode);
        var messages = new List<string>();
        while (systemd.HasMessage)
        {
            messages.Add(await systemd.ReceiveAsync());
        }

        Assert.DoesNotContain("READY=1", messages);
    }

    [Fact]
    public async Task Serve_UnderNotifySocket_KeepsTheToolsLogFormat()
    {
        using var systemd = SystemdNotifySocket.Bind();
        await using var serve = await WatchedServe.StartAsync(Notifying(systemd), "--demo", "--listen", "127.0.0.1:0", "--verbose");
        Assert.Equal("READY=1", await systemd.ReceiveAsync());

        await serve.SignalAsync("TERM");
        Assert.Equal(0, await serve.WaitForExitAsync(TimeSpan.FromSeconds(5)));

        // The systemd console formatter would write "<6>Microsoft.Hosting.Lifetime[0] Application started. ...".
        Assert.Contains("info: Microsoft.Hosting.Lifetime[0] Application started.", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\n<", "\n" + serve.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Notifying(SystemdNotifySocket systemd) => new() { ["NOTIFY_SOCKET"] = systemd.Path };
}
