using BalanceClients.FakeProviders;
using BalanceClients.Notifications;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// <c>balances serve</c> with its store keeps a message its webhook did not take, counts it on <c>/metrics</c>, and delivers it,
/// signed afresh under the same <c>webhook-id</c>, once the receiver is back.
/// </summary>
public sealed class ServeWebhookOutboxTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

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
}
