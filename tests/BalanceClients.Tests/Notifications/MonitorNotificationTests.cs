using BalanceClients.FakeProviders;
using BalanceClients.History;
using BalanceClients.Notifications;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.Notifications;

/// <summary>The notifier behind the monitor: told of the levels the checks find, and never in the way of the next check.</summary>
public sealed class MonitorNotificationTests
{
    [Fact]
    public async Task Monitor_WebhookThatHangs_DelaysNoCheck()
    {
        // The receiver's own clock is the real one: its answer never comes within the test.
        await using var receiver = await WebhookReceiver.StartAsync(TimeProvider.System);
        receiver.Default = WebhookReceiver.Hang;
        await using var harness = await StartAsync(receiver, TimeSpan.FromMinutes(10));

        await harness.AdvanceAsync(TimeSpan.FromSeconds(15));
        await receiver.WaitForRequestsAsync(1);
        await harness.AdvanceAsync(TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(5));

        Assert.All(ProviderInfo.All, provider => Assert.Equal(2, harness.Requests(provider.Id)));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Monitor_LevelFoundByTheChecks_IsToldOnceAndItsRecoveryToo()
    {
        await using var receiver = await WebhookReceiver.StartAsync(TimeProvider.System);
        await using var harness = await StartAsync(receiver, TimeSpan.FromMinutes(10));
        var notifier = harness.Services.GetRequiredService<WebhookNotifier>();

        // The clock stands still while a message is on its way, so that its timeout cannot fall due in mid-flight.
        await harness.AdvanceAsync(TimeSpan.FromSeconds(15));
        await notifier.WhenIdleAsync().WithinLimit("the notifier");
        await harness.AdvanceAsync(TimeSpan.FromMinutes(11), TimeSpan.FromSeconds(5));
        Assert.Single(receiver.Bodies);
        Assert.StartsWith("""{"text":"telnyx/default is critical: """, receiver.Bodies[0], StringComparison.Ordinal);

        harness.Fakes["telnyx"].Default = FakeResponse.Text(503, "down");
        await harness.AdvanceAsync(TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(5));
        await notifier.WhenIdleAsync().WithinLimit("the notifier");

        Assert.Equal(2, receiver.Bodies.Count);
        Assert.StartsWith("""{"text":"telnyx/default is unknown: unavailable (HTTP 503): """, receiver.Bodies[1], StringComparison.Ordinal);
        Assert.EndsWith(""" (was critical)"}""", receiver.Bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_HistoryRegisteredFirst_TellsTheRunwayOfTheVeryReadingOnce()
    {
        using var folder = new StoreFolder();
        var file = folder.File();
        await using (var store = await BalanceStore.OpenAsync(file, timeProvider: new ManualTimeProvider()))
        {
            // Two hours of Telnyx's primary amount falling by 0.50 USD every 5 minutes to the fake's 400: 144 USD a day.
            var now = new ManualTimeProvider().GetUtcNow();
            await store.ImportAsync(Enumerable.Range(1, 24).Select(
                k => new StoredReading(now.AddMinutes(-5 * k), "telnyx", "default", "available_credit", "USD", 400m + (0.5m * k))));
        }

        await using var receiver = await WebhookReceiver.StartAsync(TimeProvider.System);
        await using var harness = await MonitorHarness.StartAsync(
            checker: options => options.Thresholds.Add(new BalanceThreshold { Provider = "telnyx", RunwayWarning = TimeSpan.FromDays(7) }),
            services: services => services
                .AddBalanceHistory(options => options.Path = file)
                .AddBalanceNotifications(options => options.Webhooks.Add(
                    new WebhookOptions { Url = receiver.Url, Format = WebhookFormat.Slack })));
        var notifier = harness.Services.GetRequiredService<WebhookNotifier>();
        await notifier.StartAsync(CancellationToken.None);

        await harness.AdvanceAsync(TimeSpan.FromSeconds(15));
        await notifier.WhenIdleAsync().WithinLimit("the notifier");
        Assert.Equal((1, 1), (harness.Requests("telnyx"), receiver.Bodies.Count));

        await harness.AdvanceAsync(TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(5));
        await notifier.WhenIdleAsync().WithinLimit("the notifier");

        Assert.Equal(2, harness.Requests("telnyx"));
        var body = Assert.Single(receiver.Bodies);
        Assert.StartsWith("""{"text":"telnyx/default runs out in ~3 d (2026-11-25 """, body, StringComparison.Ordinal);
        Assert.EndsWith(""" UTC) at 144 USD a day: under its warning horizon of 7 d"}""", body, StringComparison.Ordinal);
    }

    // The monitor of the fakes with Telnyx critical (its demo balance is far below the threshold), and the notifier started.
    private static async Task<MonitorHarness> StartAsync(WebhookReceiver receiver, TimeSpan attemptTimeout)
    {
        var harness = await MonitorHarness.StartAsync(
            checker: options => options.Thresholds.Add(new BalanceThreshold { Provider = "telnyx", Critical = 1_000_000_000 }),
            services: services => services.AddBalanceNotifications(options =>
            {
                options.Webhooks.Add(new WebhookOptions { Url = receiver.Url, Format = WebhookFormat.Slack });
                options.AttemptTimeout = attemptTimeout;
            }));
        await harness.Services.GetRequiredService<WebhookNotifier>().StartAsync(CancellationToken.None);
        return harness;
    }
}
