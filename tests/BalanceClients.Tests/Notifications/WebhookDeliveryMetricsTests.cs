using System.Diagnostics.Metrics;
using BalanceClients.FakeProviders;
using BalanceClients.Notifications;
using BalanceClients.Output;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static BalanceClients.Tests.Notifications.LevelReadings;

namespace BalanceClients.Tests.Notifications;

/// <summary>
/// Every attempt to post a message is counted on the library's meter, by outcome, and the messages waiting are a gauge there: the
/// two families <c>/metrics</c> writes.
/// </summary>
public sealed class WebhookDeliveryMetricsTests
{
    [Fact]
    public async Task Attempts_AreCountedByOutcome_OnTheContainersMeter()
    {
        var time = new ManualTimeProvider();
        await using var receiver = await WebhookReceiver.StartAsync(time);
        await using var harness = await NotifierHarness.StartAsync(time, receiver.Url);
        var factory = harness.Services.GetRequiredService<IMeterFactory>();
        var counted = new List<(string Instrument, long Value, string? Outcome)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Meter.Name == "BalanceClients")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (counted)
            {
                counted.Add((instrument.Name, value, tags.ToArray().Single(tag => tag.Key == "outcome").Value as string));
            }
        });
        listener.Start();
        receiver.Enqueue(
            FakeResponse.Text(503, null) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "5" } },
            FakeResponse.Text(500, null) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "5" } });

        harness.Offer(Reading(BalanceLevel.Critical, 3.20m));
        await harness.FireAsync(TimeSpan.FromSeconds(5));
        await harness.FireAsync(TimeSpan.FromSeconds(5));
        await harness.Notifier.WhenIdleAsync().WithinLimit("the delivery");

        const string name = "balances.webhook.deliveries";
        Assert.Equal([(name, 1, "failed"), (name, 1, "failed"), (name, 1, "delivered")], counted);
    }

    [Fact]
    public async Task Pending_IsAGaugeOnTheContainersMeter_NamedAsTheFamilyOfMetrics()
    {
        var time = new ManualTimeProvider();
        await using var receiver = await WebhookReceiver.StartAsync(time);
        receiver.Default = FakeResponse.Text(503, null);
        await using var harness = await NotifierHarness.StartAsync(time, options =>
        {
            options.Webhooks.Add(new WebhookOptions { Url = receiver.Url });
            options.MaxRetries = 0;
        });
        var factory = harness.Services.GetRequiredService<IMeterFactory>();
        var instruments = new List<string>();
        var pending = new List<int>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Meter.Name == "BalanceClients")
                {
                    instruments.Add($"{instrument.Name} {instrument.Unit} {instrument.GetType().Name}");
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => pending.Add(value));
        listener.Start();

        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.20m, account: "a"), Reading(BalanceLevel.Warning, 40m, account: "b"));
        listener.RecordObservableInstruments();

        Assert.Equal(2, Assert.Single(pending));
        Assert.Equal(
            ["balances.webhook.deliveries {attempt} Counter`1", "balances.webhook.pending {message} ObservableGauge`1"],
            instruments.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["balances_webhook_deliveries_total", "balances_webhook_pending"],
            WebhookExposition.Families.Select(family => family.Name));
    }
}
