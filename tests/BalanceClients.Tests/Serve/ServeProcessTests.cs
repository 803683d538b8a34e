using BalanceClients.Tests.Cli;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary><c>balances serve --demo</c> as a real process: it serves, and a signal stops it cleanly, exit 0 within 5 s.</summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class ServeProcessTests
{
    private static readonly Dictionary<string, string?> NoVariables = [];

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Signal_WhileServing_StopsCleanlyWithExitZeroWithinFiveSeconds(string signal)
    {
        await using var serve = await WatchedServe.StartAsync(NoVariables, "--demo", "--listen", "127.0.0.1:0", "--interval", "10");
        using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = Bounded.Limit };
        await WatchedServe.WaitUntilReadyAsync(http);
        using var metrics = await http.GetAsync("/metrics");
        Assert.Contains("balances_amount{provider=\"undrctrl\"", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await serve.SignalAsync(signal);

        Assert.Equal(0, await serve.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain("   at ", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signal_BeforeTheFirstChecksEnd_StillStopsCleanly()
    {
        await using var serve = await WatchedServe.StartAsync(NoVariables, "--demo", "--listen", "127.0.0.1:0");

        await serve.SignalAsync("TERM");

        Assert.Equal(0, await serve.WaitForExitAsync(TimeSpan.FromSeconds(5)));
    }
}
