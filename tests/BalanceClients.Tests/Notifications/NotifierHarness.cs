using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Notifications;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BalanceClients.Tests.Notifications;

/// <summary>
/// The notifier alone, as <c>AddBalanceNotifications</c> registers it, on a manual clock, with its logs captured: a test hands it
/// readings, as the monitor would, and waits until it has handled them.
/// </summary>
internal sealed class NotifierHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private NotifierHarness(ServiceProvider services, ManualTimeProvider time, CapturingLoggerProvider logs)
    {
        _services = services;
        Time = time;
        Logs = logs;
        Notifier = services.GetRequiredService<WebhookNotifier>();
    }

    public ManualTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public WebhookNotifier Notifier { get; }

    public IServiceProvider Services => _services;

    /// <summary>
    /// Starts the notifier with the webhooks and settings <paramref name="configure"/> makes, the store, if any, and what else
    /// <paramref name="services"/> registers (the thresholds, the latest runways).
    /// </summary>
    public static async Task<NotifierHarness> StartAsync(
        ManualTimeProvider time,
        Action<BalanceNotificationOptions> configure,
        BalanceStore? store = null,
        Action<IServiceCollection>? services = null)
    {
        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<TimeProvider>(time)
            .AddBalanceNotifications(configure);
        if (store is not null)
        {
            collection.AddSingleton(store);
        }

        services?.Invoke(collection);

        var harness = new NotifierHarness(collection.BuildServiceProvider(), time, logs);
        await harness.Notifier.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Starts the notifier with one webhook.</summary>
    public static Task<NotifierHarness> StartAsync(
        ManualTimeProvider time,
        Uri url,
        WebhookFormat format = WebhookFormat.Json,
        BalanceStore? store = null,
        Action<IServiceCollection>? services = null) =>
        StartAsync(time, options => options.Webhooks.Add(new WebhookOptions { Url = url, Format = format }), store, services);

    /// <summary>Hands the notifier readings, as the monitor does, checking that each is taken at once.</summary>
    public void Offer(params BalanceReading[] readings)
    {
        foreach (var reading in readings)
        {
            Assert.True(Notifier.OnReadingAsync(reading).IsCompletedSuccessfully, "The observer did not return at once.");
        }
    }

    /// <summary>Hands the notifier readings and waits until it has handled every one of them.</summary>
    public async Task ReadAsync(params BalanceReading[] readings)
    {
        Offer(readings);
        await Notifier.WhenIdleAsync().WithinLimit("the notifier to handle the readings");
    }

    /// <summary>
    /// Once a timer is armed to fall due after <paramref name="dueTime"/> (a timeout, a retry's delay), moves the clock that far.
    /// </summary>
    public async Task FireAsync(TimeSpan dueTime)
    {
        await Time.WaitForTimerAsync(dueTime);
        Time.Advance(dueTime);
    }

    /// <summary>
    /// Once a retry's delay is armed (any timer due within <paramref name="atMost"/>, shorter than an attempt's timeout: the
    /// delays are jittered), moves the clock past it; returns the delay.
    /// </summary>
    public async Task<TimeSpan> FireRetryAsync(TimeSpan atMost)
    {
        var delay = await Time.WaitForTimerAsync(due => due > TimeSpan.Zero && due <= atMost, "for a retry");
        Time.Advance(delay);
        return delay;
    }

    public async ValueTask DisposeAsync()
    {
        await Notifier.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
