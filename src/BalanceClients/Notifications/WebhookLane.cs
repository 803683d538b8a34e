using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.Extensions.Logging;

namespace BalanceClients.Notifications;

/// <summary>
/// One webhook's queue and memory. <see cref="Offer"/> takes a reading at once, and only when its levels (the account's and its
/// runway's) differ from those last queued for the account; <see cref="RunAsync"/> posts, in order, each queued reading whose
/// levels differ from those the webhook was last told, and remembers (and records in the store, if any) what it told. A message
/// that was not delivered leaves the account's last told levels as they were, so that its next reading queues it again.
/// </summary>
internal sealed class WebhookLane
{
    private readonly Channel<ObservedReading> _queue = Channel.CreateBounded<ObservedReading>(
        new BoundedChannelOptions(NotificationDefaults.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Provider, string Account), AccountLevels> _queued = new(AccountKeyComparer.Instance);
    private readonly Dictionary<(string Provider, string Account), AccountLevels> _told = new(AccountKeyComparer.Instance);
    private readonly int _number;
    private readonly WebhookOptions _webhook;
    private readonly Uri _url;
    private readonly byte[]? _key;
    private readonly WebhookSender _sender;
    private readonly ILogger _logger;
    private BalanceStore? _store;
    private int _pending;
    private TaskCompletionSource? _idleWaiter;

    /// <summary>Creates the lane.</summary>
    /// <param name="number">The webhook's number, from 1, for log lines.</param>
    /// <param name="webhook">The webhook (validated: its URL is set, its secret, if any, accepted).</param>
    /// <param name="sender">Posts the messages.</param>
    /// <param name="logger">Where deliveries and failures are logged.</param>
    public WebhookLane(int number, WebhookOptions webhook, WebhookSender sender, ILogger logger)
    {
        _number = number;
        _webhook = webhook;
        _url = webhook.Url ?? throw new ArgumentException("The webhook has no URL.", nameof(webhook));
        _key = string.IsNullOrWhiteSpace(webhook.Secret) ? null
            : WebhookSecret.KeyOf(webhook.Secret) ?? throw new ArgumentException("The webhook's secret is refused.", nameof(webhook));
        _sender = sender;
        _logger = logger;
        Receiver = ReceiverOf(_url);
    }

    /// <summary>The webhook's key in the store: <c>webhook:</c> and a SHA-256 of its URL, which does not reveal the URL.</summary>
    public string Receiver { get; }

    /// <summary>The receiver's key of a webhook URL.</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The key.</returns>
    public static string ReceiverOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return "webhook:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)));
    }

    /// <summary>
    /// Takes the levels told before this start, and the store to record new ones in; called before <see cref="RunAsync"/>.
    /// </summary>
    /// <param name="told">The store's levels of this receiver.</param>
    /// <param name="store">Where the levels told are recorded; <see langword="null"/> keeps them in memory only.</param>
    public void Restore(IEnumerable<NotifiedLevel> told, BalanceStore? store)
    {
        _store = store;
        foreach (var level in told.Where(level => level.Receiver == Receiver))
        {
            _told[(level.Provider, level.Account)] = new AccountLevels(level.Level, level.RunwayLevel);
        }
    }

    /// <summary>Queues a reading if its levels differ from those last queued for its account; never waits.</summary>
    /// <param name="reading">The reading, with the account's runway.</param>
    public void Offer(ObservedReading reading)
    {
        var key = (reading.Provider, reading.Account);
        lock (_lock)
        {
            if (_queued.TryGetValue(key, out var queued) && queued == reading.Levels)
            {
                return;
            }

            if (!_queue.Writer.TryWrite(reading))
            {
                NotificationLog.QueueFull(_logger, _number, _queue.Reader.Count, reading.Provider, reading.Account);
                return;
            }

            _queued[key] = reading.Levels;
            _pending++;
        }
    }

    /// <summary>Posts the queued readings' messages until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Stops the lane; a message being posted is abandoned, and not recorded as told.</param>
    /// <returns>A task that completes when the lane stops.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var reading in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await HandleAsync(reading, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                if (--_pending == 0)
                {
                    _idleWaiter?.TrySetResult();
                    _idleWaiter = null;
                }
            }
        }
    }

    /// <summary>Completes when every reading queued so far has been handled: told, skipped, or given up on.</summary>
    /// <returns>The task.</returns>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _idleWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idleWaiter.Task;
        }
    }

    private async Task HandleAsync(ObservedReading reading, CancellationToken cancellationToken)
    {
        var key = (reading.Provider, reading.Account);
        AccountLevels? told = _told.TryGetValue(key, out var levels) ? levels : null;
        if (told == reading.Levels)
        {
            return;
        }

        // An account first read at ok, runway included, is no news: the levels are remembered, and only a change is told.
        if (told is null && reading.Levels == AccountLevels.Ok)
        {
            await RememberAsync(reading, cancellationToken).ConfigureAwait(false);
            return;
        }

        var notification = BalanceNotification.Of(reading, told);
        var body = NotificationPayload.Of(notification, _webhook.Format);
        var message = _sender.NewMessage(body);
        var outcome = await _sender.SendAsync(_number, _url, _key, message, cancellationToken).ConfigureAwait(false);
        var levelName = notification.DescribeLevels();
        if (outcome.Delivered)
        {
            NotificationLog.Delivered(_logger, _number, reading.Provider, reading.Account, levelName);
            await RememberAsync(reading, cancellationToken).ConfigureAwait(false);
            return;
        }

        NotificationLog.NotDelivered(
            _logger, _number, reading.Provider, reading.Account, levelName, outcome.Attempts, outcome.Failure ?? "unknown");
        lock (_lock)
        {
            // The next reading at these levels queues the message again, unless later levels are queued already.
            if (_queued.TryGetValue(key, out var queued) && queued == reading.Levels)
            {
                _queued.Remove(key);
            }
        }
    }

    private async Task RememberAsync(ObservedReading observed, CancellationToken cancellationToken)
    {
        var reading = observed.Reading;
        _told[(reading.Provider, reading.Account)] = observed.Levels;
        if (_store is null)
        {
            return;
        }

        try
        {
            var told = new NotifiedLevel(Receiver, reading.Provider, reading.Account, reading.Level, reading.CheckedAt)
            {
                RunwayLevel = observed.RunwayLevel,
            };
            await _store.SaveNotifiedLevelAsync(told, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is BalanceStoreException or ObjectDisposedException)
        {
            var reason = exception is BalanceStoreException ? exception.Message : "the store is closed";
            NotificationLog.StateNotSaved(_logger, _number, reading.Provider, reading.Account, reason);
        }
    }
}
