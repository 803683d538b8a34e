using System.Diagnostics.Metrics;
using BalanceClients.FakeProviders;
using BalanceClients.Notifications;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static BalanceClients.Tests.Notifications.LevelReadings;

namespace BalanceClients.Tests.Notifications;

/// <summary>Every attempt to post a message is counted on the library's meter, by outcome.</summary>
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
}
