using System.Globalization;
using System.Text.RegularExpressions;
using BalanceClients.FakeProviders;
using BalanceClients.History;
using BalanceClients.Notifications;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;
using static BalanceClients.Tests.Notifications.LevelReadings;

namespace BalanceClients.Tests.Notifications;

/// <summary>
/// The notifier against a loopback webhook, on a manual clock: one message per change of level, the exact payloads, nothing
/// repeated over a restart with a store, retries bounded, and a webhook that fails or hangs never holding up a reading.
/// </summary>
public sealed partial class WebhookNotifierTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(_time);

    public Task DisposeAsync() => _receiver.DisposeAsync().AsTask();

    [Fact]
    public async Task Readings_EachChangeOfLevel_IsToldOnceWithItsExactPayload()
    {
        await using var harness = await NotifierHarness.StartAsync(_time, _receiver.Url);

        await harness.ReadAsync(
            Reading(BalanceLevel.Ok, 100.00m, minute: 0),
            Reading(BalanceLevel.Ok, 90.00m, minute: 5),
            Reading(BalanceLevel.Warning, 40.00m, minute: 10),
            Reading(BalanceLevel.Warning, 35.00m, minute: 15),
            Reading(BalanceLevel.Critical, 3.20m, minute: 20),
            Reading(BalanceLevel.Critical, 3.10m, minute: 25),
            Reading(BalanceLevel.Ok, 500.00m, minute: 30),
            Reading(BalanceLevel.Ok, 499.50m, minute: 35));

        Assert.Equal(
            [
                Payload.OneLine("""
                    {"provider":"undrctrl","account":"default","level":"warning","previousLevel":"ok",
                    "runwayLevel":"ok","previousRunwayLevel":"ok",
                    "amounts":[{"kind":"balance","amount":40.00,"currency":"USD","primary":true}],
                    "runway":null,"at":"2026-11-22T12:10:00.000Z"}
                    """),
                Payload.OneLine("""
                    {"provider":"undrctrl","account":"default","level":"critical","previousLevel":"warning",
                    "runwayLevel":"ok","previousRunwayLevel":"ok",
                    "amounts":[{"kind":"balance","amount":3.20,"currency":"USD","primary":true}],
                    "runway":null,"at":"2026-11-22T12:20:00.000Z"}
                    """),
                Payload.OneLine("""
                    {"provider":"undrctrl","account":"default","level":"ok","previousLevel":"critical",
                    "runwayLevel":"ok","previousRunwayLevel":"ok",
                    "amounts":[{"kind":"balance","amount":500.00,"currency":"USD","primary":true}],
                    "runway":null,"at":"2026-11-22T12:30:00.000Z"}
                    """),
            ],
            _receiver.Bodies);
        Assert.All(_receiver.Requests, request => Assert.Equal(
            ("POST", "/services/" + WebhookReceiver.Token, "application/json; charset=utf-8"),
            (request.Method, request.Path, request.Headers["content-type"])));
    }

    [Fact]
    public async Task FirstReading_NotOk_IsToldWithoutAPreviousLevel_AndOkIsNoNews()
    {
        await using var harness = await NotifierHarness.StartAsync(_time, _receiver.Url);
        var error = new BalanceError(BalanceErrorKind.Unavailable, 503, "E42", "down for maintenance");

        await harness.ReadAsync(Reading(BalanceLevel.Ok, 10m, account: "quiet"), Failure(error));

        Assert.Equal(
            Payload.OneLine("""
                {"provider":"telnyx","account":"eu","level":"unknown","previousLevel":null,
                "runwayLevel":"ok","previousRunwayLevel":null,"amounts":[],"runway":null,"at":"2026-11-22T12:00:00.000Z",
                "error":{"kind":"unavailable","httpStatus":503,"providerCode":"E42","message":"down for maintenance"}}
                """),
            Assert.Single(_receiver.Bodies));
    }

    [Fact]
    public async Task Accounts_AreToldOfIndependently()
    {
        await using var harness = await NotifierHarness.StartAsync(_time, _receiver.Url, WebhookFormat.Slack);

        await harness.ReadAsync(
            Reading(BalanceLevel.Warning, 40m, account: "a"),
            Reading(BalanceLevel.Warning, 40m, account: "b"),
            Reading(BalanceLevel.Warning, 39m, account: "A"),
            Reading(BalanceLevel.Critical, 1m, account: "b", minute: 5));

        Assert.Equal(
            [
                """{"text":"undrctrl/a is warning: 40 USD"}""",
                """{"text":"undrctrl/b is warning: 40 USD"}""",
                """{"text":"undrctrl/b is critical: 1 USD (was warning)"}""",
            ],
            _receiver.Bodies);
    }

    [Fact]
    public async Task Restart_WithTheSameStore_RepeatsNothing()
    {
        using var folder = new StoreFolder();
        await using (var store = await BalanceStore.OpenAsync(folder.File(), timeProvider: _time))
        await using (var first = await NotifierHarness.StartAsync(_time, _receiver.Url, store: store))
        {
            await first.ReadAsync(Reading(BalanceLevel.Warning, 40m), Reading(BalanceLevel.Critical, 3.20m, minute: 5));
        }

        await using (var store = await BalanceStore.OpenAsync(folder.File(), timeProvider: _time))
        await using (var second = await NotifierHarness.StartAsync(_time, _receiver.Url, store: store))
        {
            await second.ReadAsync(Reading(BalanceLevel.Critical, 3.10m, minute: 10), Reading(BalanceLevel.Critical, 3.00m, minute: 15));
            Assert.Equal(2, _receiver.Requests.Count);

            await second.ReadAsync(Reading(BalanceLevel.Ok, 100m, minute: 20));
        }

        Assert.Equal(3, _receiver.Requests.Count);
        Assert.Contains("\"level\":\"ok\",\"previousLevel\":\"critical\"", _receiver.Bodies[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_WithoutAStore_TellsANotOkLevelAgain()
    {
        await using (var first = await NotifierHarness.StartAsync(_time, _receiver.Url))
        {
            await first.ReadAsync(Reading(BalanceLevel.Critical, 3.20m));
        }

        await using (var second = await NotifierHarness.StartAsync(_time, _receiver.Url))
        {
            await second.ReadAsync(Reading(BalanceLevel.Critical, 3.10m, minute: 5));
        }

        Assert.Equal(2, _receiver.Requests.Count);
        Assert.Contains("\"previousLevel\":null", _receiver.Bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiverFailsThenAnswers_IsRetriedAfterJitteredBackoffsAndDeliveredOnce()
    {
        await using var harness = await NotifierHarness.StartAsync(_time, _receiver.Url);
        _receiver.Enqueue(FakeResponse.Text(500, "oops"), FakeResponse.Text(503, null));

        harness.Offer(Reading(BalanceLevel.Critical, 3.20m));
        await _receiver.WaitForRequestsAsync(1);
        var first = await harness.FireRetryAsync(TimeSpan.FromSeconds(5));
        await _receiver.WaitForRequestsAsync(2);
        var second = await harness.FireRetryAsync(TimeSpan.FromSeconds(5));
        await harness.Notifier.WhenIdleAsync().WithinLimit("the delivery");
        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.10m, minute: 5));

        Assert.Equal(3, _receiver.Requests.Count);
        Assert.Single(_receiver.Bodies.Distinct());
        // Polly's exponential backoff with jitter (decorrelated, V2) on a base of 1 s: under 1.38 s, then under 2.84 s.
        Assert.InRange(first, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(1.38));
        Assert.InRange(second, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(2.84));
        var logged = RetryLine().Matches(harness.Logs.AllText)
            .Select(match => (
                match.Groups[1].Value, match.Groups[2].Value, double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal([("1", "HTTP 500"), ("2", "HTTP 503")], logged.Select(line => (line.Item1, line.Item2)));
        // The timer is armed in whole milliseconds.
        Assert.InRange(logged[0].Item3 - first.TotalMilliseconds, -1, 1);
        Assert.InRange(logged[1].Item3 - second.TotalMilliseconds, -1, 1);
        Assert.Contains("Webhook #1: told of undrctrl/default (critical)", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequests_WaitsAsLongAsRetryAfterSays()
    {
        await using var harness = await NotifierHarness.StartAsync(_time, _receiver.Url);
        _receiver.Enqueue(FakeResponse.Text(429, null) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "30" } });

        harness.Offer(Reading(BalanceLevel.Critical, 3.20m));
        await harness.FireAsync(TimeSpan.FromSeconds(30));
        await harness.Notifier.WhenIdleAsync().WithinLimit("the delivery");

        Assert.Equal(2, _receiver.Requests.Count);
    }

    [Fact]
    public async Task RetryAfterBeyondTheCap_EndsTheBurst_AndTheMessageWaitsForItsNextBurst()
    {
        await using var harness = await NotifierHarness.StartAsync(_time, _receiver.Url);
        _receiver.Enqueue(FakeResponse.Text(503, null) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "120" } });

        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.20m));
        Assert.Single(_receiver.Requests);
        Assert.Contains(
            "Webhook #1: the message on undrctrl/default (critical) was not delivered after 1 attempt(s): HTTP 503, asking to wait 120 s, "
            + "longer than MaxRetryAfter; it waits in the outbox and is tried again in 16 s",
            harness.Logs.AllText,
            StringComparison.Ordinal);

        // The account's next readings, at the same level, are no news: the message that waits is the one that tells it.
        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.10m, minute: 5), Reading(BalanceLevel.Critical, 3.00m, minute: 10));
        Assert.Single(_receiver.Requests);
        await harness.FireAsync(TimeSpan.FromSeconds(16));
        await _receiver.WaitForRequestsAsync(2);
        await harness.Notifier.WhenIdleAsync().WithinLimit("the delivery");

        Assert.Equal(2, _receiver.Requests.Count);
        Assert.Equal(_receiver.Bodies[0], _receiver.Bodies[1]);
        Assert.Equal(_receiver.Requests[0].Headers["webhook-id"], _receiver.Requests[1].Headers["webhook-id"]);
        Assert.Equal(0, harness.Notifier.Pending);
    }

    [Fact]
    public async Task ReceiverNeverAnswers_EachAttemptTimesOut_AndTheRetriesAreBounded()
    {
        await using var harness = await NotifierHarness.StartAsync(_time, options =>
        {
            options.Webhooks.Add(new WebhookOptions { Url = _receiver.Url });
            options.MaxRetries = 1;
        });
        _receiver.Default = WebhookReceiver.Hang;

        harness.Offer(Reading(BalanceLevel.Critical, 3.20m));
        await _receiver.WaitForRequestsAsync(1);
        await harness.FireAsync(TimeSpan.FromSeconds(10));
        await harness.FireRetryAsync(TimeSpan.FromSeconds(5));
        await _receiver.WaitForRequestsAsync(2);
        await harness.FireAsync(TimeSpan.FromSeconds(10));
        await harness.Notifier.WhenIdleAsync().WithinLimit("the notifier to give up");

        Assert.Equal(2, _receiver.Requests.Count);
        var failure = Assert.Single(harness.Logs.Lines, line => line.Contains("not delivered", StringComparison.Ordinal));
        Assert.Contains("after 2 attempt(s): no answer within 10 s; it waits in the outbox and is tried again in 4 s", failure);

        _receiver.Default = FakeResponse.Text(204, null);
        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.10m, minute: 5));
        await harness.FireAsync(TimeSpan.FromSeconds(4));
        await _receiver.WaitForRequestsAsync(3);
        await harness.Notifier.WhenIdleAsync().WithinLimit("the delivery");
        Assert.Equal(3, _receiver.Requests.Count);
        Assert.Contains("Webhook #1: told of undrctrl/default (critical)", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_IsNotFollowedNorRetried()
    {
        await using var harness = await NotifierHarness.StartAsync(_time, _receiver.Url);
        _receiver.Enqueue(FakeResponse.Text(307, null) with
        {
            Headers = new Dictionary<string, string> { ["Location"] = new Uri(_receiver.Root, "elsewhere").ToString() },
        });

        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.20m));

        Assert.Equal("/services/" + WebhookReceiver.Token, Assert.Single(_receiver.Requests).Path);
        Assert.Contains(
            "not delivered after 1 attempt(s): HTTP 307, a redirect, which is not followed;",
            harness.Logs.AllText,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObserverTakesEveryReadingAtOnce_WhileTheReceiverHangsAndItsQueueIsFull()
    {
        await using var harness = await NotifierHarness.StartAsync(_time, _receiver.Url);
        _receiver.Default = WebhookReceiver.Hang;
        harness.Offer(Reading(BalanceLevel.Critical, 3.20m));
        await _receiver.WaitForRequestsAsync(1);

        const int capacity = NotificationDefaults.QueueCapacity;
        harness.Offer([.. Enumerable.Range(0, capacity + 10)
            .Select(i => Reading(BalanceLevel.Warning, 40m, account: $"account-{i}"))]);

        Assert.Contains(
            $"Webhook #1: {capacity} readings wait already; the one of undrctrl/account-{capacity} waits for the account's next reading",
            harness.Logs.AllText,
            StringComparison.Ordinal);
        Assert.Single(_receiver.Requests);
    }

    [Fact]
    public async Task TwoWebhooks_OneDown_TheOtherIsToldAtOnce()
    {
        await using var other = await WebhookReceiver.StartAsync(_time);
        await using var harness = await NotifierHarness.StartAsync(_time, options =>
        {
            options.Webhooks.Add(new WebhookOptions { Url = _receiver.Url });
            options.Webhooks.Add(new WebhookOptions { Url = other.Url, Format = WebhookFormat.Slack });
        });
        _receiver.Default = WebhookReceiver.Hang;

        harness.Offer(Reading(BalanceLevel.Critical, 3.20m));
        await _receiver.WaitForRequestsAsync(1);
        await other.WaitForRequestsAsync(1);

        Assert.Equal("""{"text":"undrctrl/default is critical: 3.20 USD"}""", Assert.Single(other.Bodies));
        Assert.Single(_receiver.Requests);
    }

    [GeneratedRegex(@"Webhook #1: attempt (\d) failed \(([^)]*)\); retrying in (\d+) ms")]
    private static partial Regex RetryLine();
}
