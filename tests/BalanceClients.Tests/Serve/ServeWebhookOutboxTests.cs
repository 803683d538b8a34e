using BalanceClients.FakeProviders;
using BalanceClients.Notifications;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// <c>balances serve</c> with its store keeps a message its webhook did not take, counts it on <c>/metrics</c>, and delivers it,
/// signed afresh under the same <c>webhook-id</c>, once the receiver is back (in process, on a manual clock); and, as a process
/// on the real clock, a receiver that was down while an account turned critical and recovered is told both afterwards, in order.
/// </summary>
public sealed class ServeWebhookOutboxTests
{
    private const string Secret = ServeWebhooks.Secret;

    [Fact]
    public async Task Serve_ReceiverDownThenUp_GetsTheMessageOnceItIsBack_UnderOneWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new ManualTimeProvider());
        receiver.Default = FakeResponse.Text(503, "down");
        using var folder = new StoreFolder();
        var environment = new Dictionary<string, string?>
        {
            ["BALANCES_WEBHOOK_URL"] = receiver.Url.ToString(),
            ["BALANCES_WEBHOOK_SECRET"] = Secret,
            ["Balances__Notifications__MaxRetries"] = "0",
        };
        await using var serve = await ServeHarness.StartAsync(["--store", folder.File(), "--min", "undrctrl=2000"], environment);
        var notifier = serve.Services.GetRequiredService<WebhookNotifier>();

        await serve.CheckEveryAccountAsync();
        await receiver.WaitForRequestsAsync(1);
        await notifier.WhenIdleAsync().WithinLimit("the notifier to be idle");
        var (_, metrics, _) = await serve.GetAsync("/metrics");
        Assert.Contains("balances_webhook_deliveries_total{outcome=\"failed\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("balances_webhook_pending 1\n", metrics, StringComparison.Ordinal);

        receiver.Default = FakeResponse.Text(204, null);
        for (var second = 0; second < 30 && notifier.Delivered == 0; second++)
        {
            await serve.AdvanceAsync(TimeSpan.FromSeconds(1));
            await notifier.WhenIdleAsync().WithinLimit("the notifier to be idle");
        }

        Assert.Equal(0, await serve.StopAsync());
        var requests = receiver.Requests;
        Assert.Equal((1L, 0), (notifier.Delivered, notifier.Pending));
        Assert.True(requests.Count >= 2, $"{requests.Count} request(s)");
        Assert.Single(requests.Select(request => (request.Headers["webhook-id"], request.Body)).Distinct());
        Assert.StartsWith("""{"provider":"undrctrl","account":"default","level":"critical",""", requests[0].Body, StringComparison.Ordinal);
        Assert.NotEqual(requests[0].Headers["webhook-timestamp"], requests[^1].Headers["webhook-timestamp"]);
        Assert.Null(StandardWebhookVerifier.Problem(Secret, requests[^1].Headers, requests[^1].Body, serve.Time.GetUtcNow()));
    }

    [Fact]
    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    public async Task ServeProcess_ReceiverDownWhileAnAccountTurnsCriticalAndRecovers_GetsBothAfterwardsInOrderEachSigned()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        await using var receiver = await WebhookReceiver.StartAsync(TimeProvider.System);
        receiver.Default = FakeResponse.Dropped;
        using var folder = new StoreFolder();
        await using var serve = await WatchedServe.StartAsync(
            ServeWebhooks.Environment(fakes, receiver),
            ["--listen", "127.0.0.1:0", "--interval", "10", "--store", folder.File(), .. ServeWebhooks.Threshold]);
        using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = Bounded.Limit };
        await WatchedServe.WaitUntilReadyAsync(http);

        fakes["undrctrl"].Default = ServeWebhooks.Low;
        await receiver.WaitForRequestsAsync(1);
        fakes["undrctrl"].Default = fakes["undrctrl"].Success;
        await Bounded.UntilAsync(
            async deadline => (await http.GetStringAsync("/metrics", deadline)).Contains(
                "balances_webhook_pending 2\n", StringComparison.Ordinal),
            "the recovery to wait behind the critical message");
        var up = DateTimeOffset.UtcNow;
        receiver.Default = ServeWebhooks.Taken;
        await Bounded.UntilAsync(_ => Task.FromResult(receiver.Accepted.Count >= 2), "both messages to be delivered");

        var (critical, recovered) = (receiver.Accepted[0], receiver.Accepted[1]);
        Assert.StartsWith(ServeWebhooks.Critical, critical.Body, StringComparison.Ordinal);
        Assert.StartsWith(ServeWebhooks.Recovered, recovered.Body, StringComparison.Ordinal);
        ServeWebhooks.AssertGenuine(critical, up);
        ServeWebhooks.AssertGenuine(recovered, up);

        // Until the critical message was taken, its attempts alone (one body, one id); then the recovery, under an id of its own.
        var (criticalId, recoveredId) = (critical.Headers["webhook-id"], recovered.Headers["webhook-id"]);
        Assert.NotEqual(criticalId, recoveredId);
        var requests = receiver.Requests;
        string[] ids = [.. Enumerable.Repeat(criticalId, requests.Count - 1), recoveredId];
        Assert.Equal(ids, requests.Select(request => request.Headers["webhook-id"]));
        Assert.Equal(2, requests.Select(request => request.Body).Distinct().Count());
        ServeWebhooks.AssertNoSecretIn(serve.Output);
    }
}
