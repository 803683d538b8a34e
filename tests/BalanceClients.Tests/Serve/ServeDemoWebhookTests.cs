using BalanceClients.Cli;
using BalanceClients.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// <c>balances serve --demo</c> tells <c>BALANCES_WEBHOOK_URL</c> of its fakes' levels, as it would of real ones, signed with
/// <c>BALANCES_WEBHOOK_SECRET</c>.
/// </summary>
public sealed class ServeDemoWebhookTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public async Task Serve_DemoWithAWebhookUrlAndSecret_TellsItOfACriticalAccountInASignedMessage()
    {
        var time = new ManualTimeProvider();
        await using var receiver = await WebhookReceiver.StartAsync(time);
        using var stop = new CancellationTokenSource();
        var serving = new TaskCompletionSource<IServiceProvider>(TaskCreationOptions.RunContinuationsAsynchronously);
        var environment = new Dictionary<string, string?>
        {
            ["BALANCES_WEBHOOK_URL"] = receiver.Url.ToString(),
            ["BALANCES_WEBHOOK_SECRET"] = Secret,
        };
        var console = new CliConsole(new MemoryStream(), new StringWriter(), environment, false)
        {
            Clock = time,
            Serving = serving.SetResult,
        };

        var run = BalancesCommand.RunAsync(
            ["serve", "--demo", "--listen", "127.0.0.1:0", "--no-store", "--min", "undrctrl=2000"], console, stop.Token);
        var monitor = (await serving.Task.WithinLimit("balances serve to start")).GetRequiredService<BalanceMonitor>();
        // The first checks are spread over the first 10 s of the manual clock: a second at a time, each one's checks ended.
        for (var second = 0; second < 11; second++)
        {
            await monitor.WhenIdleAsync().WithinLimit("the monitor to be idle");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await receiver.WaitForRequestsAsync(1).WithinLimit("the webhook message");
        await stop.CancelAsync();

        Assert.Equal(0, await run.WithinLimit("balances serve to stop"));
        Assert.StartsWith(
            """{"provider":"undrctrl","account":"default","level":"critical","previousLevel":null,""", receiver.Bodies[0],
            StringComparison.Ordinal);
        var request = receiver.Requests[0];
        Assert.Null(StandardWebhookVerifier.Problem(Secret, request.Headers, request.Body, time.GetUtcNow()));
    }

    [Fact]
    public async Task Serve_WebhookSecretThatIsNotBase64_ExitsWith64NamingTheVariable()
    {
        var environment = new Dictionary<string, string?>
        {
            ["BALANCES_WEBHOOK_URL"] = "https://hooks.example.com/x",
            ["BALANCES_WEBHOOK_SECRET"] = "whsec_Zm9vYmFy!notbase64",
        };

        var run = await Cli.CliRun.InProcessAsync(
            environment, new ManualTimeProvider(), "serve", "--demo", "--listen", "127.0.0.1:0", "--no-store");

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("BALANCES_WEBHOOK_SECRET starts with whsec_ but what follows is not base64", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Zm9vYmFy", run.Error + run.Out, StringComparison.Ordinal);
    }
}
