using BalanceClients.Configuration;
using BalanceClients.History;
using BalanceClients.Notifications;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static BalanceClients.Tests.Notifications.LevelReadings;

namespace BalanceClients.Tests.Notifications;

/// <summary>
/// The notifier and the runways: one message when an account's runway drops under its warning or critical horizon, and one when
/// it is back above them, beside the level's; nothing repeated over a restart; nothing about runways where none are kept.
/// </summary>
public sealed class RunwayNotificationTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private readonly LatestRunways _runways = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(_time);

    public Task DisposeAsync() => _receiver.DisposeAsync().AsTask();

    [Fact]
    public async Task Runway_UnderEachHorizonAndBack_IsToldOncePerChange()
    {
        await using var harness = await StartAsync(WebhookFormat.Slack);

        await ReadAsync(harness, 10, minute: 0);
        await ReadAsync(harness, 6, minute: 5);
        await ReadAsync(harness, 5.5, minute: 10);
        await ReadAsync(harness, 1.5, minute: 15);
        await ReadAsync(harness, 1.4, minute: 20);
        await ReadAsync(harness, 9, minute: 25);
        await ReadAsync(harness, 8.9, minute: 30);

        Assert.Equal(
            [
                """{"text":"telnyx/default runs out in ~6 d (2026-11-28 12:05 UTC) at 130.25 USD a day: """
                + """under its warning horizon of 7 d"}""",
                """{"text":"telnyx/default runs out in ~36 h (2026-11-24 00:15 UTC) at 130.25 USD a day: """
                + """under its critical horizon of 2 d"}""",
                """{"text":"telnyx/default runs out in ~9 d (2026-12-01 12:25 UTC) at 130.25 USD a day: """
                + """no longer under its critical horizon of 2 d"}""",
            ],
            _receiver.Bodies);
        Assert.Contains("Webhook #1: told of telnyx/default (ok; runway critical)", harness.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains("Webhook #1: told of telnyx/default (ok; runway ok)", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstReading_RunwayUnderAHorizon_IsToldWithItsExactRunway()
    {
        await using var harness = await StartAsync(WebhookFormat.Json);

        await ReadAsync(harness, 6, minute: 0);
        await ReadAsync(harness, null, minute: 5);

        Assert.Equal(
            [
                Payload.OneLine("""
                    {"provider":"telnyx","account":"default","level":"ok","previousLevel":null,
                    "runwayLevel":"warning","previousRunwayLevel":null,
                    "amounts":[{"kind":"balance","amount":400.00,"currency":"USD","primary":true}],
                    "runway":{"seconds":518400,"emptyAt":"2026-11-28T12:00:00.000Z","burnPerDay":130.25,"kind":"available_credit",
                    "currency":"USD"},"at":"2026-11-22T12:00:00.000Z"}
                    """),
                Payload.OneLine("""
                    {"provider":"telnyx","account":"default","level":"ok","previousLevel":"ok",
                    "runwayLevel":"ok","previousRunwayLevel":"warning",
                    "amounts":[{"kind":"balance","amount":400.00,"currency":"USD","primary":true}],
                    "runway":null,"at":"2026-11-22T12:05:00.000Z"}
                    """),
            ],
            _receiver.Bodies);
    }

    [Fact]
    public async Task LevelAndRunway_ChangingAtOnce_AreToldInOneMessage()
    {
        await using var harness = await StartAsync(WebhookFormat.Slack);

        await ReadAsync(harness, 5, BalanceLevel.Warning, 40m, minute: 0);
        await ReadAsync(harness, 5, BalanceLevel.Critical, 3.20m, minute: 5);
        await ReadAsync(harness, null, BalanceLevel.Ok, 500m, minute: 10);

        Assert.Equal(
            [
                """{"text":"telnyx/default is warning: 40 USD; runs out in ~5 d (2026-11-27 12:00 UTC) at 130.25 USD a day: """
                + """under its warning horizon of 7 d"}""",
                """{"text":"telnyx/default is critical: 3.20 USD (was warning)"}""",
                """{"text":"telnyx/default is ok: 500 USD (was critical); has no known runway: """
                + """no longer under its warning horizon of 7 d"}""",
            ],
            _receiver.Bodies);
    }

    [Fact]
    public async Task Restart_WithTheSameStore_RepeatsNoRunwayMessage()
    {
        using var folder = new StoreFolder();
        await using (var store = await BalanceStore.OpenAsync(folder.File(), timeProvider: _time))
        await using (var first = await StartAsync(WebhookFormat.Json, store))
        {
            await ReadAsync(first, 6, minute: 0);
        }

        await using (var store = await BalanceStore.OpenAsync(folder.File(), timeProvider: _time))
        await using (var second = await StartAsync(WebhookFormat.Json, store))
        {
            await ReadAsync(second, 5, minute: 5);
            Assert.Single(_receiver.Requests);

            await ReadAsync(second, 10, minute: 10);
        }

        Assert.Equal(2, _receiver.Requests.Count);
        Assert.Contains("\"runwayLevel\":\"ok\",\"previousRunwayLevel\":\"warning\"", _receiver.Bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreOfVersion2_KeepsItsLevelsTold_AndTellsTheRunwayOnce()
    {
        using var folder = new StoreFolder();
        var receiver = WebhookLane.ReceiverOf(_receiver.Url);
        var file = folder.FileOfVersion(2, $"INSERT INTO notified VALUES ('{receiver}', 'telnyx', 'default', 'warning', 0)");
        await using var store = await BalanceStore.OpenAsync(file, timeProvider: _time);
        await using var harness = await StartAsync(WebhookFormat.Json, store);

        await ReadAsync(harness, 10, BalanceLevel.Warning, 40m, minute: 0);
        await ReadAsync(harness, 6, BalanceLevel.Warning, 39m, minute: 5);

        Assert.Contains(
            "\"level\":\"warning\",\"previousLevel\":\"warning\",\"runwayLevel\":\"warning\",\"previousRunwayLevel\":\"ok\"",
            Assert.Single(_receiver.Bodies),
            StringComparison.Ordinal);
        Assert.Equal(
            (BalanceLevel.Warning, BalanceLevel.Warning),
            (await store.ReadNotifiedLevelsAsync()).Select(told => (told.Level, told.RunwayLevel)).Single());
    }

    [Fact]
    public async Task NoLatestRunwaysRegistered_TellsOnlyTheLevels()
    {
        await using var harness = await NotifierHarness.StartAsync(
            _time, _receiver.Url, WebhookFormat.Json, services: services => services.AddBalanceClients(AddHorizons));

        await ReadAsync(harness, 6, minute: 0);
        await ReadAsync(harness, 1, BalanceLevel.Warning, 40m, minute: 5);
        await ReadAsync(harness, 1, BalanceLevel.Ok, 400m, minute: 10);

        Assert.Equal(2, _receiver.Bodies.Count);
        Assert.All(_receiver.Bodies, body => Assert.Contains(
            "\"runwayLevel\":\"ok\",\"previousRunwayLevel\":\"ok\",", body, StringComparison.Ordinal));
        Assert.All(_receiver.Bodies, body => Assert.Contains("\"runway\":null,", body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(7 * 24 * 60, "7 d")]
    [InlineData(36 * 60, "36 h")]
    [InlineData(90, "90 min")]
    [InlineData(0.5, "00:00:30")]
    public void Exactly_Horizon_IsInItsLargestWholeUnit(double minutes, string expected) =>
        Assert.Equal(expected, RunwaySentence.Exactly(TimeSpan.FromMinutes(minutes)));

    private static void AddHorizons(BalanceCheckerOptions options) => options.Thresholds.Add(new BalanceThreshold
    {
        Provider = "telnyx",
        RunwayWarning = TimeSpan.FromDays(7),
        RunwayCritical = TimeSpan.FromDays(2),
    });

    // The notifier with the latest runways, and thresholds that give Telnyx's runway a warning (7 d) and critical (2 d) horizon.
    private Task<NotifierHarness> StartAsync(WebhookFormat format, BalanceStore? store = null) =>
        NotifierHarness.StartAsync(
            _time, _receiver.Url, format, store, services => services.AddSingleton(_runways).AddBalanceClients(AddHorizons));

    // A reading of telnyx/default, its runway (if any) set first, as the history's recorder does before the notifier sees it.
    private async Task ReadAsync(
        NotifierHarness harness, double? days, BalanceLevel level = BalanceLevel.Ok, decimal amount = 400.00m, int minute = 0)
    {
        var at = Start.AddMinutes(minute);
        var runway = days is { } d
            ? new BalanceRunway((long)TimeSpan.FromDays(d).TotalSeconds, at.AddDays(d), 130.25m, "available_credit", "USD")
            : null;
        _runways.Set("telnyx", "default", runway);
        await harness.ReadAsync(Reading(level, amount, "telnyx", minute: minute));
    }
}
