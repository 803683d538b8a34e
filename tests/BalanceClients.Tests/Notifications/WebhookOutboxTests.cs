using BalanceClients.FakeProviders;
using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Notifications;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static BalanceClients.Tests.Notifications.LevelReadings;

namespace BalanceClients.Tests.Notifications;

/// <summary>
/// The outbox, on a manual clock: a message whose burst failed waits and is sent again after its backoff (2 s, then 4 s, ... with
/// no retry in a burst), per account in the order queued, with the same <c>webhook-id</c> on every attempt and a fresh, valid
/// signature each time; across a restart on either store; until <see cref="BalanceNotificationOptions.MaxAge"/>; and only by
/// the leader, which also drops what waits for a webhook no longer configured.
/// </summary>
public sealed class WebhookOutboxTests : IAsyncLifetime
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly FakeResponse Down = FakeResponse.Text(503, "down");

    private readonly ManualTimeProvider _time = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(_time);

    public Task DisposeAsync() => _receiver.DisposeAsync().AsTask();

    [Fact]
    public async Task ReceiverDownThenUp_GetsEveryMessageAfterwards_InOrder_EachSignedAfresh()
    {
        await using var harness = await StartAsync();
        _receiver.Default = Down;

        // An account turns critical and recovers, and another turns warning, while the receiver is down.
        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.20m, account: "a"));
        await harness.ReadAsync(Reading(BalanceLevel.Ok, 500m, account: "a", minute: 5), Reading(BalanceLevel.Warning, 40m, account: "b"));
        Assert.Equal(2, _receiver.Requests.Count);
        Assert.Equal(3, harness.Notifier.Pending);
        await harness.FireAsync(TimeSpan.FromSeconds(2));
        await _receiver.WaitForRequestsAsync(4);
        await harness.Notifier.WhenIdleAsync().WithinLimit("the second bursts");

        _receiver.Default = FakeResponse.Text(204, null);
        await harness.FireAsync(TimeSpan.FromSeconds(4));
        await _receiver.WaitForRequestsAsync(7);
        await harness.Notifier.WhenIdleAsync().WithinLimit("the deliveries");

        var requests = _receiver.Requests;
        Assert.Equal(
            ["a critical", "b warning", "a critical", "b warning", "a critical", "a ok", "b warning"],
            requests.Select(Describe));
        Assert.Contains("\"level\":\"ok\",\"previousLevel\":\"critical\"", requests[5].Body, StringComparison.Ordinal);
        Assert.Single(requests.Where(r => r.Body == requests[0].Body).Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.Equal(3, requests.Where(r => r.Body == requests[0].Body).Select(r => r.Headers["webhook-timestamp"]).Distinct().Count());
        Assert.Equal(3, requests.Select(r => r.Headers["webhook-id"]).Distinct().Count());
        Assert.All(
            requests, request => Assert.Null(StandardWebhookVerifier.Problem(Secret, request.Headers, request.Body, _time.GetUtcNow())));
        Assert.Equal(0, harness.Notifier.Pending);
        Assert.Equal((3L, 4L), (harness.Notifier.Delivered, harness.Notifier.Failed));
    }

    [Fact]
    public async Task OlderUndeliveredMessage_HoldsBackItsAccountOnly()
    {
        await using var harness = await StartAsync();
        _receiver.Enqueue(Down);

        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.20m, account: "a"));
        await harness.ReadAsync(Reading(BalanceLevel.Ok, 500m, account: "a", minute: 5));
        Assert.Single(_receiver.Requests);
        await harness.ReadAsync(Reading(BalanceLevel.Warning, 40m, account: "b"));
        await _receiver.WaitForRequestsAsync(4);
        await harness.Notifier.WhenIdleAsync().WithinLimit("the deliveries");

        // b's message went at once; once the receiver answered, a's waited no longer, and went in their order.
        Assert.Equal(["a critical", "b warning", "a critical", "a ok"], _receiver.Requests.Select(Describe));
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task PendingMessage_SurvivesARestart_WithItsWebhookId_AndIsNotQueuedTwice(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        _receiver.Default = Down;
        await using (var store = await BalanceStore.OpenAsync(place.Location, timeProvider: _time))
        await using (var first = await StartAsync(store))
        {
            await first.ReadAsync(Reading(BalanceLevel.Critical, 3.20m));
            Assert.Equal(1, first.Notifier.Pending);
        }

        _receiver.Default = FakeResponse.Text(200, "ok");
        await using (var store = await BalanceStore.OpenAsync(place.Location, timeProvider: _time))
        await using (var second = await StartAsync(store))
        {
            await second.ReadAsync(Reading(BalanceLevel.Critical, 3.10m, minute: 5));
            Assert.Equal(1, second.Notifier.Pending);
            await second.FireAsync(TimeSpan.FromSeconds(2));
            await _receiver.WaitForRequestsAsync(2);
            await second.Notifier.WhenIdleAsync().WithinLimit("the delivery");
            Assert.Equal(0, second.Notifier.Pending);
        }

        var (before, after) = (_receiver.Requests[0], _receiver.Requests[1]);
        Assert.Equal(2, _receiver.Requests.Count);
        Assert.Equal((before.Headers["webhook-id"], before.Body), (after.Headers["webhook-id"], after.Body));
        Assert.NotEqual(before.Headers["webhook-timestamp"], after.Headers["webhook-timestamp"]);
        Assert.Null(StandardWebhookVerifier.Problem(Secret, after.Headers, after.Body, _time.GetUtcNow()));
        await using var reopened = await BalanceStore.OpenAsync(place.Location, timeProvider: _time);
        Assert.Empty(await reopened.ReadOutboxAsync(WebhookLane.ReceiverOf(_receiver.Url), CancellationToken.None));
    }

    [Fact]
    public async Task MessageOlderThanMaxAge_IsDroppedWithOneLogLine_AndLaterChangesAreStillTold()
    {
        await using var harness = await StartAsync(configure: options =>
        {
            options.MaxAge = TimeSpan.FromMinutes(1);
            options.RetryBaseDelay = TimeSpan.FromSeconds(40);
        });
        _receiver.Default = Down;

        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.20m));
        await harness.FireAsync(TimeSpan.FromSeconds(80));
        await harness.Notifier.WhenIdleAsync().WithinLimit("the drop");

        Assert.Single(_receiver.Requests);
        Assert.Equal(0, harness.Notifier.Pending);
        Assert.Single(
            harness.Logs.Lines,
            line => line.Contains(
                "Webhook #1: the message on undrctrl/default (critical) is dropped, undelivered after 1 burst(s) of attempts "
                + "and older than MaxAge (00:01:00)",
                StringComparison.Ordinal));

        _receiver.Default = FakeResponse.Text(200, "ok");
        await harness.ReadAsync(Reading(BalanceLevel.Ok, 500m, minute: 5));
        Assert.Equal(2, _receiver.Requests.Count);
        Assert.Contains("\"level\":\"ok\",\"previousLevel\":\"critical\"", _receiver.Bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follower_SendsAndDropsNothing_AndTheNextLeaderSendsWhatWaits()
    {
        var leadership = new SwitchableLeadership();
        await using var harness = await StartAsync(
            configure: options => options.MaxAge = TimeSpan.FromHours(2),
            services: services => services.AddSingleton<IMonitorLeadership>(leadership));
        _receiver.Default = Down;
        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.20m));

        leadership.IsLeader = false;
        _receiver.Default = FakeResponse.Text(200, "ok");
        for (var poll = 0; poll < 60; poll++)
        {
            await harness.FireAsync(NotificationDefaults.FollowerPoll);
        }

        Assert.Single(_receiver.Requests);
        Assert.Equal(1, harness.Notifier.Pending);

        leadership.IsLeader = true;
        await harness.FireAsync(NotificationDefaults.FollowerPoll);
        await _receiver.WaitForRequestsAsync(2);
        await harness.Notifier.WhenIdleAsync().WithinLimit("the delivery");

        Assert.Equal(_receiver.Requests[0].Headers["webhook-id"], _receiver.Requests[1].Headers["webhook-id"]);
        Assert.Equal(0, harness.Notifier.Pending);
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task WebhookNoLongerConfigured_TheLeaderDropsWhatWaitsForIt_WithOneWarning_AndForgetsWhatItWasTold(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location, timeProvider: _time);
        var configured = WebhookLane.ReceiverOf(_receiver.Url);
        await QueueAsync(store, "webhook:gone", "eu", "us");
        await QueueAsync(store, configured, "eu");
        await store.SaveNotifiedAsync(new NotifiedRow("webhook:toldall", "telnyx", "eu", "critical", "ok", 0), CancellationToken.None);
        _receiver.Default = Down;
        var leadership = new SwitchableLeadership { IsLeader = false };
        await using var harness = await StartAsync(store, services: services => services.AddSingleton<IMonitorLeadership>(leadership));
        await harness.FireAsync(NotificationDefaults.FollowerPoll);
        Assert.Equal([(configured, 1), ("webhook:gone", 2)], await store.CountOutboxAsync(CancellationToken.None));

        leadership.IsLeader = true;
        await harness.Logs.WaitForLinesAsync("A webhook that is no longer configured", 1);

        Assert.Contains(
            "A webhook that is no longer configured (webhook:gone, its key in the store) had 2 message(s) waiting in the outbox; "
            + "they are dropped unsent, and what it was told is forgotten",
            Assert.Single(harness.Logs.Lines, line => line.Contains("no longer configured", StringComparison.Ordinal)),
            StringComparison.Ordinal);
        Assert.Equal([(configured, 1)], await store.CountOutboxAsync(CancellationToken.None));
        Assert.Equal([configured, "webhook:toldall"], (await store.ReadNotifiedAsync(CancellationToken.None)).Select(row => row.Receiver));
    }

    [Fact]
    public async Task NoWebhookConfiguredAnyMore_WhatWaitsInTheStoreIsDropped()
    {
        using var folder = new StoreFolder();
        await using var store = await BalanceStore.OpenAsync(folder.File(), timeProvider: _time);
        await QueueAsync(store, "webhook:gone", "eu");
        await using var harness = await NotifierHarness.StartAsync(_time, _ => { }, store);

        await harness.Logs.WaitForLinesAsync("(webhook:gone, its key in the store) had 1 message(s) waiting", 1);

        Assert.Empty(await store.CountOutboxAsync(CancellationToken.None));
        Assert.Empty(await store.ReadNotifiedAsync(CancellationToken.None));
    }

    // A critical message of telnyx/<account> queued for the receiver, due in an hour.
    private async Task QueueAsync(BalanceStore store, string receiver, params string[] accounts)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var account in accounts)
        {
            Assert.True(await store.QueueAsync(
                new NotifiedRow(receiver, "telnyx", account, "critical", "ok", now),
                null,
                new OutboxRow(0, receiver, "telnyx", account, "critical", $"msg_{receiver}_{account}", "{}", now, 0, now + 3_600_000),
                CancellationToken.None));
        }
    }

    private static string Describe(RecordedRequest request) =>
        System.Text.Json.JsonDocument.Parse(request.Body).RootElement is var root
            ? $"{root.GetProperty("account").GetString()} {root.GetProperty("level").GetString()}"
            : string.Empty;

    // One webhook with a secret; no retry within a burst, so each burst is one attempt and waits 2 s, 4 s, ... after it fails.
    private Task<NotifierHarness> StartAsync(
        BalanceStore? store = null, Action<BalanceNotificationOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        NotifierHarness.StartAsync(
            _time,
            options =>
            {
                options.Webhooks.Add(new WebhookOptions { Url = _receiver.Url, Secret = Secret });
                options.MaxRetries = 0;
                configure?.Invoke(options);
            },
            store,
            services);
}
