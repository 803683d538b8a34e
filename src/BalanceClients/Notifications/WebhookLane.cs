using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.Extensions.Logging;

namespace BalanceClients.Notifications;

/// <summary>
/// One webhook's lane. <see cref="Offer"/> takes a reading at once, and only when its levels (the account's and its runway's)
/// differ from those last offered for the account; <see cref="RunAsync"/>, while this process leads, queues a message in the
/// outbox for each reading whose levels differ from those the webhook was last told, together with those levels (so a change is
/// queued once, also across a restart or a change of leader), then delivers the outbox: per account, in the order queued.
/// </summary>
internal sealed partial class WebhookLane
{
    private readonly Channel<ObservedReading> _incoming = Channel.CreateBounded<ObservedReading>(
        new BoundedChannelOptions(NotificationDefaults.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Provider, string Account), AccountLevels> _offered = new(AccountKeyComparer.Instance);
    private readonly Dictionary<(string Provider, string Account), AccountLevels> _told = new(AccountKeyComparer.Instance);
    private readonly List<OutboxRow> _waiting = [];
    private readonly int _number;
    private readonly WebhookOptions _webhook;
    private readonly Uri _url;
    private readonly byte[]? _key;
    private readonly WebhookSender _sender;
    private readonly BalanceNotificationOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly IMonitorLeadership _leadership;
    private readonly ILogger _logger;
    private IWebhookOutbox _outbox = new MemoryOutbox();
    private bool _loaded;
    private int _pending;
    private bool _idle;
    private TaskCompletionSource? _idleWaiter;

    /// <summary>Creates the lane.</summary>
    /// <param name="number">The webhook's number, from 1, for log lines.</param>
    /// <param name="webhook">The webhook (validated: its URL is set, its secret, if any, accepted).</param>
    /// <param name="sender">Posts the messages.</param>
    /// <param name="options">The notification settings (<see cref="BalanceNotificationOptions.MaxAge"/>, the bursts' settings).</param>
    /// <param name="timeProvider">The clock of the outbox.</param>
    /// <param name="leadership">Whether this process leads: only the leader queues and sends.</param>
    /// <param name="logger">Where deliveries and failures are logged.</param>
    public WebhookLane(
        int number,
        WebhookOptions webhook,
        WebhookSender sender,
        BalanceNotificationOptions options,
        TimeProvider timeProvider,
        IMonitorLeadership leadership,
        ILogger logger)
    {
        _number = number;
        _webhook = webhook;
        _url = webhook.Url ?? throw new ArgumentException("The webhook has no URL.", nameof(webhook));
        _key = string.IsNullOrWhiteSpace(webhook.Secret) ? null
            : WebhookSecret.KeyOf(webhook.Secret) ?? throw new ArgumentException("The webhook's secret is refused.", nameof(webhook));
        _sender = sender;
        _options = options;
        _timeProvider = timeProvider;
        _leadership = leadership;
        _logger = logger;
        Receiver = ReceiverOf(_url);
    }

    /// <summary>The webhook's key in the store: <c>webhook:</c> and a SHA-256 of its URL, which does not reveal the URL.</summary>
    public string Receiver { get; }

    /// <summary>How many messages wait in this webhook's outbox, as this process last read or changed it.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>The receiver's key of a webhook URL.</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The key.</returns>
    public static string ReceiverOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return "webhook:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)));
    }

    /// <summary>Takes the outbox (the store's, or one in memory); called before <see cref="RunAsync"/>.</summary>
    /// <param name="outbox">The outbox.</param>
    public void Attach(IWebhookOutbox outbox) => _outbox = outbox;

    /// <summary>Takes a reading if its levels differ from those last offered for its account; never waits.</summary>
    /// <param name="reading">The reading, with the account's runway.</param>
    public void Offer(ObservedReading reading)
    {
        var key = (reading.Provider, reading.Account);
        lock (_lock)
        {
            if (_offered.TryGetValue(key, out var offered) && offered == reading.Levels)
            {
                return;
            }

            if (!_incoming.Writer.TryWrite(reading))
            {
                NotificationLog.QueueFull(_logger, _number, _incoming.Reader.Count, reading.Provider, reading.Account);
                return;
            }

            _offered[key] = reading.Levels;
            _idle = false;
        }
    }

    /// <summary>
    /// Completes when the lane has nothing to do now: every reading offered so far is queued (or found no news), and no message
    /// is due. Tests wait for this instead of sleeping.
    /// </summary>
    /// <returns>The task.</returns>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            if (_idle)
            {
                return Task.CompletedTask;
            }

            _idleWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idleWaiter.Task;
        }
    }

    // Queues the reading's message, if it is news, with the levels it tells; a change of leader in between is read, and it is tried
    // once more. A reading that cannot be queued is forgotten, so that the account's next reading at its levels is taken again.
    private async Task QueueAsync(ObservedReading reading, CancellationToken cancellationToken)
    {
        var key = (reading.Provider, reading.Account);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            AccountLevels? told = _told.TryGetValue(key, out var levels) ? levels : null;
            if (told == reading.Levels)
            {
                return;
            }

            var (row, message) = Change(reading, told);
            try
            {
                if (await _outbox.QueueAsync(row, Expected(told), message, cancellationToken).ConfigureAwait(false))
                {
                    _told[key] = reading.Levels;
                    if (message is not null)
                    {
                        _waiting.Add(message);
                        Volatile.Write(ref _pending, _waiting.Count);
                    }

                    return;
                }

                if (attempt == 1 && !await LoadAsync(cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (Exception exception) when (exception is BalanceStoreException or ObjectDisposedException)
            {
                var levelName = message?.Levels ?? reading.Reading.Level.ToContractName();
                NotificationLog.NotQueued(_logger, _number, reading.Provider, reading.Account, levelName, Reason(exception));
                break;
            }
        }

        lock (_lock)
        {
            if (_offered.TryGetValue(key, out var offered) && offered == reading.Levels)
            {
                _offered.Remove(key);
            }
        }
    }

    // The told row the reading leads to, and its message: none for an account first read at ok, runway included (no news).
    private (NotifiedRow Row, OutboxRow? Message) Change(ObservedReading observed, AccountLevels? told)
    {
        var reading = observed.Reading;
        var row = NotifiedLevels.RowOf(
            new NotifiedLevel(Receiver, reading.Provider, reading.Account, reading.Level, reading.CheckedAt)
            {
                RunwayLevel = observed.RunwayLevel,
            });
        if (told is null && observed.Levels == AccountLevels.Ok)
        {
            return (row, null);
        }

        var notification = BalanceNotification.Of(observed, told);
        var now = _timeProvider.GetUtcNow();
        var body = Encoding.UTF8.GetString(NotificationPayload.Of(notification, _webhook.Format));
        var milliseconds = now.ToUnixTimeMilliseconds();
        return (row, new OutboxRow(
            0, Receiver, reading.Provider, reading.Account, notification.DescribeLevels(), WebhookHeaders.NewId(now), body,
            milliseconds, 0, milliseconds));
    }

    private static (string Level, string RunwayLevel)? Expected(AccountLevels? told) =>
        told is { } levels ? (levels.Level.ToContractName(), levels.RunwayLevel.ToContractName()) : null;

    private static string Reason(Exception exception) => exception is BalanceStoreException ? exception.Message : "the store is closed";
}
