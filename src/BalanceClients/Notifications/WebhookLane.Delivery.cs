using System.Text;
using BalanceClients.History;
using BalanceClients.Monitoring;

namespace BalanceClients.Notifications;

/// <content>
/// The lane's loop: while this process leads, it queues the readings offered, drops the messages older than
/// <see cref="BalanceNotificationOptions.MaxAge"/>, and sends each account's oldest message once it is due, one burst of attempts
/// at a time; a failed burst makes the message wait (<see cref="OutboxBackoff"/>), and holds back the newer messages of its account
/// only. A process that does not lead sends nothing and drops nothing: it reads the outbox now and then, for the count of messages
/// waiting, and reads it afresh, with the told levels, once it leads.
/// </content>
internal sealed partial class WebhookLane
{
    /// <summary>Queues and delivers until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Stops the lane; a burst under way is abandoned, and its message stays in the outbox.</param>
    /// <returns>A task that completes when the lane stops.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!_leadership.IsLeader)
            {
                await FollowAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!_loaded && !await LoadAsync(cancellationToken).ConfigureAwait(false))
            {
                await WaitAsync(NotificationDefaults.StoreRetry, cancellationToken).ConfigureAwait(false);
                continue;
            }

            while (_incoming.Reader.TryRead(out var reading))
            {
                await QueueAsync(reading, cancellationToken).ConfigureAwait(false);
            }

            var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            await DropExpiredAsync(now, cancellationToken).ConfigureAwait(false);
            if (NextDue(now) is { } message)
            {
                await DeliverAsync(message, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // A lone process always leads; on a shared store the lane looks again now and then whether it still does.
            var wait = NextWait(now);
            var poll = !ReferenceEquals(_leadership, SoleLeadership.Instance)
                && (wait == Timeout.InfiniteTimeSpan || wait > NotificationDefaults.FollowerPoll);
            await WaitAsync(poll ? NotificationDefaults.FollowerPoll : wait, cancellationToken).ConfigureAwait(false);
        }
    }

    // Reads the told levels and the outbox afresh: at the start, and whenever this process comes to lead.
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var told = await _outbox.ReadToldAsync(cancellationToken).ConfigureAwait(false);
            var waiting = await _outbox.ReadAsync(Receiver, cancellationToken).ConfigureAwait(false);
            _told.Clear();
            foreach (var level in told.Where(row => row.Receiver == Receiver).Select(NotifiedLevels.Of).OfType<NotifiedLevel>())
            {
                _told[(level.Provider, level.Account)] = new AccountLevels(level.Level, level.RunwayLevel);
            }

            _waiting.Clear();
            _waiting.AddRange(waiting);
            Volatile.Write(ref _pending, _waiting.Count);
            lock (_lock)
            {
                // A reading offered before another process led may be news again.
                _offered.Clear();
            }

            _loaded = true;
            return true;
        }
        catch (Exception exception) when (exception is BalanceStoreException or ObjectDisposedException)
        {
            NotificationLog.OutboxUnreadable(_logger, _number, Reason(exception), NotificationDefaults.StoreRetry.TotalSeconds);
            return false;
        }
    }

    // Not leading: readings offered meanwhile are dropped (the leader reads the accounts itself), the outbox is only counted.
    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        _loaded = false;
        while (_incoming.Reader.TryRead(out _))
        {
        }

        lock (_lock)
        {
            _offered.Clear();
        }

        try
        {
            var waiting = await _outbox.ReadAsync(Receiver, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _pending, waiting.Count);
        }
        catch (Exception exception) when (exception is BalanceStoreException or ObjectDisposedException)
        {
            // The count stays as it was; the next look reads it again.
        }

        await WaitAsync(NotificationDefaults.FollowerPoll, cancellationToken).ConfigureAwait(false);
    }

    private async Task DropExpiredAsync(long now, CancellationToken cancellationToken)
    {
        var maxAge = (long)_options.MaxAge.TotalMilliseconds;
        foreach (var message in _waiting.Where(message => now - message.Created > maxAge).ToList())
        {
            if (await RecordAsync(message, () => _outbox.RemoveAsync(message.MessageId, cancellationToken)).ConfigureAwait(false))
            {
                NotificationLog.Dropped(
                    _logger, _number, message.Provider, message.Account, message.Levels, message.Bursts, _options.MaxAge);
                Forget(message);
            }
        }
    }

    // The first head that is due, oldest first.
    private OutboxRow? NextDue(long now) => Heads().FirstOrDefault(message => message.Due <= now);

    // Until the first head falls due; forever when none waits.
    private TimeSpan NextWait(long now) =>
        Heads().Select(message => message.Due).DefaultIfEmpty(long.MaxValue).Min() is var due && due == long.MaxValue
            ? Timeout.InfiniteTimeSpan
            : TimeSpan.FromMilliseconds(Math.Max(1, due - now));

    // Each account's oldest message, oldest first: the newer messages of an account wait behind it.
    private IEnumerable<OutboxRow> Heads()
    {
        var accounts = new HashSet<(string Provider, string Account)>(AccountKeyComparer.Instance);
        return _waiting.Where(message => accounts.Add((message.Provider, message.Account)));
    }

    private async Task DeliverAsync(OutboxRow message, CancellationToken cancellationToken)
    {
        var outcome = await _sender.SendAsync(
            _number, _url, _key, new WebhookMessage(message.MessageId, Encoding.UTF8.GetBytes(message.Body)), cancellationToken)
            .ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (outcome.Delivered)
        {
            NotificationLog.Delivered(_logger, _number, message.Provider, message.Account, message.Levels);
            await RecordAsync(message, () => _outbox.RemoveAsync(message.MessageId, cancellationToken)).ConfigureAwait(false);
            Forget(message);

            // The receiver answers again: what waits for it is due now, not at the end of its backoff.
            for (var i = 0; i < _waiting.Count; i++)
            {
                _waiting[i] = _waiting[i] with { Due = Math.Min(_waiting[i].Due, now) };
            }

            return;
        }

        var bursts = message.Bursts + 1;
        var wait = OutboxBackoff.After(bursts, _options);
        var deferred = message with { Bursts = bursts, Due = now + (long)wait.TotalMilliseconds };
        _waiting[_waiting.IndexOf(message)] = deferred;
        NotificationLog.NotDelivered(
            _logger, _number, message.Provider, message.Account, message.Levels, outcome.Attempts, outcome.Failure ?? "unknown",
            wait.TotalSeconds);
        await RecordAsync(message, () => _outbox.DeferAsync(message.MessageId, bursts, deferred.Due, cancellationToken))
            .ConfigureAwait(false);
    }

    // What became of a message, written to the outbox; a store that fails is logged, and the lane goes on from what it knows.
    private async Task<bool> RecordAsync(OutboxRow message, Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is BalanceStoreException or ObjectDisposedException)
        {
            NotificationLog.OutboxNotSaved(_logger, _number, message.Provider, message.Account, Reason(exception));
            return false;
        }
    }

    private void Forget(OutboxRow message)
    {
        _waiting.Remove(message);
        Volatile.Write(ref _pending, _waiting.Count);
    }

    // Waits for a reading offered, the time given, or the end; says the lane is idle meanwhile, unless a reading waits already.
    // The timer's callback says it is busy again before it returns, so that a test that moves the clock finds it so at once.
    private async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_incoming.Reader.Count > 0)
            {
                return;
            }

            _idle = true;
            _idleWaiter?.TrySetResult();
            _idleWaiter = null;
        }

        var elapsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = _timeProvider.CreateTimer(
            _ =>
            {
                lock (_lock)
                {
                    _idle = false;
                }

                elapsed.TrySetResult();
            },
            null,
            wait,
            Timeout.InfiniteTimeSpan);
        var offered = _incoming.Reader.WaitToReadAsync(waiting.Token).AsTask();
        await Task.WhenAny(offered, elapsed.Task).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _idle = false;
        }
    }
}
