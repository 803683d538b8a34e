using System.Diagnostics.Metrics;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalanceClients.Notifications;

/// <summary>
/// Tells the configured webhooks of every change of an account's level, and of the level of its runway against the thresholds'
/// runway horizons. As an <see cref="IBalanceReadingObserver"/> it only takes the account's latest runway beside the reading,
/// queues them and returns at once, so that a webhook never delays the checks; as a hosted service it posts the messages in the
/// background, one queue per webhook, so that a webhook that is down never delays another; and, while it leads, it rids the store
/// of the webhooks no longer configured (<see cref="RemovedWebhooks"/>).
/// </summary>
/// <remarks>
/// The runway is read from <see cref="LatestRunways"/> when the reading arrives. The monitor calls its observers one after
/// another, in the order they were registered: with <c>AddBalanceHistory</c> registered before <c>AddBalanceNotifications</c>
/// (as <c>balances serve</c> does), the history's recorder has set the runway of this very reading by then; registered after
/// it, each runway is the one of the account's previous reading.
/// </remarks>
internal sealed class WebhookNotifier : BackgroundService, IBalanceReadingObserver
{
    private readonly WebhookLane[] _lanes;
    private readonly WebhookDeliveryMetrics _metrics;
    private readonly Func<CancellationToken, Task<BalanceStore?>> _openStore;
    private readonly LatestRunways? _runways;
    private readonly Func<BalanceThresholds> _thresholds;
    private readonly IMonitorLeadership _leadership;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the notifier.</summary>
    /// <param name="options">The webhooks and the retry settings, read once.</param>
    /// <param name="httpClientFactory">Makes the webhooks' HTTP client.</param>
    /// <param name="timeProvider">The clock of timeouts and retry delays.</param>
    /// <param name="meterFactory">Makes the meter of the delivery attempts' counter.</param>
    /// <param name="logger">Where deliveries and failures are logged (never a URL nor a secret).</param>
    /// <param name="openStore">
    /// Opens the store where the levels told are kept across restarts, when there is one; <see langword="null"/> keeps them in memory.
    /// </param>
    /// <param name="runways">
    /// The accounts' latest runways, when the history keeps them; <see langword="null"/> tells of no runway (every runway level is ok).
    /// </param>
    /// <param name="thresholds">The current thresholds, for the runway horizons; <see langword="null"/> for none.</param>
    /// <param name="leadership">Whether this process leads (only the leader queues and sends); <see langword="null"/> always leads.</param>
    public WebhookNotifier(
        IOptions<BalanceNotificationOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        IMeterFactory meterFactory,
        ILogger<WebhookNotifier> logger,
        Func<CancellationToken, Task<BalanceStore?>> openStore,
        LatestRunways? runways = null,
        Func<BalanceThresholds>? thresholds = null,
        IMonitorLeadership? leadership = null)
    {
        var settings = options.Value;
        _leadership = leadership ?? SoleLeadership.Instance;
        _timeProvider = timeProvider;
        _metrics = new WebhookDeliveryMetrics(meterFactory, () => Pending);
        var sender = new WebhookSender(httpClientFactory, settings, timeProvider, _metrics, logger);
        _lanes =
        [
            .. settings.Webhooks.Select((webhook, i) =>
                new WebhookLane(i + 1, webhook, sender, settings, timeProvider, _leadership, logger)),
        ];
        _openStore = openStore;
        _runways = runways;
        _thresholds = thresholds ?? (() => BalanceThresholds.None);
        _logger = logger;
    }

    /// <summary>How many messages wait in the outbox, over every webhook.</summary>
    public int Pending => _lanes.Sum(lane => lane.Pending);

    /// <summary>The attempts that delivered a message since the start.</summary>
    public long Delivered => _metrics.Delivered;

    /// <summary>The attempts that failed since the start.</summary>
    public long Failed => _metrics.Failed;

    /// <inheritdoc />
    public Task OnReadingAsync(BalanceReading reading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (_lanes.Length == 0)
        {
            return Task.CompletedTask;
        }

        var observed = Observe(reading);
        foreach (var lane in _lanes)
        {
            lane.Offer(observed);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Completes when every webhook has nothing to do now: every reading handed so far is queued (or no news), no message is due.
    /// Tests wait for this instead of sleeping.
    /// </summary>
    /// <returns>The task.</returns>
    internal Task WhenIdleAsync() => Task.WhenAll(_lanes.Select(lane => lane.WhenIdleAsync()));

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // With no webhook configured the store is still swept of those there were; one that cannot be opened is then no news.
            var opened = await OpenStoreAsync(quiet: _lanes.Length == 0, stoppingToken).ConfigureAwait(false);
            var store = opened is { IsReadOnly: false } ? opened : null;
            IWebhookOutbox outbox = store is null ? new MemoryOutbox() : new StoreOutbox(store);
            foreach (var lane in _lanes)
            {
                lane.Attach(outbox);
            }

            var removed = store is null
                ? Task.CompletedTask
                : RemovedWebhooks.RunAsync(
                    store, _lanes.Select(lane => lane.Receiver).ToHashSet(StringComparer.Ordinal), _leadership, _timeProvider, _logger,
                    stoppingToken);
            await Task.WhenAll([.. _lanes.Select(lane => lane.RunAsync(stoppingToken)), removed]).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // The runway as it is now: the next reading of the account replaces it in LatestRunways.
    private ObservedReading Observe(BalanceReading reading)
    {
        if (_runways is null)
        {
            return new ObservedReading(reading, null, BalanceLevel.Ok, default);
        }

        var runway = _runways.Of(reading.Provider, reading.Account);
        var thresholds = _thresholds();
        return new ObservedReading(
            reading,
            runway,
            thresholds.RunwayLevelOf(reading.Provider, reading.Account, runway?.Remaining),
            RunwayHorizons.Of(thresholds, reading.Provider, reading.Account));
    }

    private async Task<BalanceStore?> OpenStoreAsync(bool quiet, CancellationToken cancellationToken)
    {
        try
        {
            return await _openStore(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is BalanceStoreException or ObjectDisposedException)
        {
            if (!quiet)
            {
                NotificationLog.StateUnreadable(_logger, exception is BalanceStoreException ? exception.Message : "the store is closed");
            }

            return null;
        }
    }
}
