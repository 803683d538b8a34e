using System.Diagnostics.Metrics;
using System.Threading.Channels;
using BalanceClients.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalanceClients.Monitoring;

/// <summary>
/// The background service behind <see cref="IBalanceMonitor"/>: each account is checked on its own schedule, one check at a
/// time per account, at most <see cref="BalanceCheckerOptions.MaxConcurrency"/> at once (shared between the providers in turn), and
/// on nothing else.
/// </summary>
public sealed partial class BalanceMonitor : BackgroundService, IBalanceMonitor
{
    private readonly IBalanceChecker _checker;
    private readonly IOptionsMonitor<BalanceMonitorOptions> _options;
    private readonly IOptionsMonitor<BalanceCheckerOptions> _checkerOptions;
    private readonly IBalanceReadingObserver[] _observers;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Provider, string Account), AccountSchedule> _schedules = new(AccountKeyComparer.Instance);
    private readonly Channel<bool> _wake =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _idleLock = new();
    private readonly SchedulePace _pace;
    private readonly PriorityQueue<AccountSchedule, DateTimeOffset> _queue = new();
    private IReadOnlyList<BalanceAccount>? _scheduledAccounts;
    private PublishedReadings _published = new(0, []);
    private long _changes;
    private int _withReading;
    private readonly IMonitorLeadership _leadership;
    private readonly IStoredReadings? _stored;
    private IReadOnlyList<BalanceReading>? _followed;
    private TaskCompletionSource? _idleWaiter;
    private bool _idle;
    private int _inFlight;
    private bool _isReady;

    /// <summary>Creates the monitor.</summary>
    /// <param name="checker">Checks the accounts.</param>
    /// <param name="options">The schedule.</param>
    /// <param name="checkerOptions">The checker's options, for the concurrency bound and to notice changed accounts.</param>
    /// <param name="observers">Receive every reading.</param>
    /// <param name="timeProvider">The clock of the schedule.</param>
    /// <param name="meterFactory">Makes the meter of the <c>balance.amount</c> and <c>balance.level</c> gauges.</param>
    /// <param name="logger">Where failures of observers are logged.</param>
    public BalanceMonitor(
        IBalanceChecker checker,
        IOptionsMonitor<BalanceMonitorOptions> options,
        IOptionsMonitor<BalanceCheckerOptions> checkerOptions,
        IEnumerable<IBalanceReadingObserver> observers,
        TimeProvider timeProvider,
        IMeterFactory meterFactory,
        ILogger<BalanceMonitor> logger)
        : this(checker, options, checkerOptions, observers, timeProvider, meterFactory, logger, SoleLeadership.Instance, null)
    {
    }

    // With the leadership of a process that may share its store, and the store's readings it serves while it does not lead.
    internal BalanceMonitor(
        IBalanceChecker checker,
        IOptionsMonitor<BalanceMonitorOptions> options,
        IOptionsMonitor<BalanceCheckerOptions> checkerOptions,
        IEnumerable<IBalanceReadingObserver> observers,
        TimeProvider timeProvider,
        IMeterFactory meterFactory,
        ILogger<BalanceMonitor> logger,
        IMonitorLeadership leadership,
        IStoredReadings? stored)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _leadership = leadership;
        _stored = stored;
        _checker = checker;
        _options = options;
        _checkerOptions = checkerOptions;
        _observers = [.. observers];
        _timeProvider = timeProvider;
        _logger = logger;
        _pace = new SchedulePace(logger);
        BalanceMonitorMetrics.Observe(meterFactory, this, () => ScheduleLag.TotalSeconds, () => _leadership.IsLeader);
    }

    /// <inheritdoc />
    public event EventHandler<BalanceReadingEventArgs>? ReadingChanged;

    /// <inheritdoc />
    public IReadOnlyList<BalanceReading> Readings => Volatile.Read(ref _followed) ?? Published();

    /// <inheritdoc />
    public bool IsReady => Volatile.Read(ref _isReady);

    /// <summary>
    /// How far behind its schedule the monitor runs: over all accounts, the longest a check due now has been waiting or
    /// running past its due time, or the latest check of an account ended past it. About one check's duration while the
    /// schedule holds; growing when the checks cannot keep up (rate limits, concurrency).
    /// </summary>
    internal TimeSpan ScheduleLag
    {
        get
        {
            var now = _timeProvider.GetUtcNow();
            lock (_lock)
            {
                return _schedules.Values.Select(schedule => schedule.LagAt(now)).DefaultIfEmpty(TimeSpan.Zero).Max();
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var concurrency = new FairConcurrency(_checkerOptions.CurrentValue.MaxConcurrency);
        using var onAccountsChange = _checkerOptions.OnChange((_, _) => Wake());
        using var timer = _timeProvider.CreateTimer(_ => Wake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _leadership.LeadershipChanged += OnLeadershipChanged;
        var running = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!_leadership.IsLeader)
                {
                    await FollowAsync(timer, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                foreach (var schedule in TakeDue(_timeProvider.GetUtcNow()))
                {
                    Interlocked.Increment(ref _inFlight);
                    running.Add(RunAsync(schedule, concurrency, stoppingToken));
                }

                running.RemoveWhere(task => task.IsCompleted);
                var wait = NextWake(_timeProvider.GetUtcNow());
                if (wait == TimeSpan.Zero)
                {
                    continue;
                }

                timer.Change(wait, Timeout.InfiniteTimeSpan);
                Parked(idle: Volatile.Read(ref _inFlight) == 0);
                await _wake.Reader.ReadAsync(stoppingToken).ConfigureAwait(false);
                Parked(idle: false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _leadership.LeadershipChanged -= OnLeadershipChanged;
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>
    /// Completes once the schedule has nothing to do until its next due time: no check running, no wake-up pending. Tests move a
    /// manual clock, then wait for this, instead of sleeping.
    /// </summary>
    /// <returns>A task that completes when the monitor is idle.</returns>
    internal Task WhenIdleAsync()
    {
        lock (_idleLock)
        {
            if (_idle && !_wake.Reader.TryPeek(out _))
            {
                return Task.CompletedTask;
            }

            _idleWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idleWaiter.Task;
        }
    }

    private void Wake()
    {
        lock (_idleLock)
        {
            _idle = false;
        }

        _wake.Writer.TryWrite(true);
    }

    private void Parked(bool idle)
    {
        lock (_idleLock)
        {
            _idle = idle;
            if (idle && !_wake.Reader.TryPeek(out _))
            {
                _idleWaiter?.TrySetResult();
                _idleWaiter = null;
            }
        }
    }

    // Brings the schedule in line with the configured accounts when they changed, marks the due ones in flight and returns them.
    private List<AccountSchedule> TakeDue(DateTimeOffset now)
    {
        var accounts = _checker.Accounts;
        var due = new List<AccountSchedule>();
        lock (_lock)
        {
            if (!ReferenceEquals(accounts, _scheduledAccounts))
            {
                Reconcile(accounts, now);
                _scheduledAccounts = accounts;
            }

            while (_queue.TryPeek(out var schedule, out var dueAt) && dueAt <= now)
            {
                _queue.Dequeue();
                if (IsCurrent(schedule, dueAt))
                {
                    schedule.InFlight = true;
                    due.Add(schedule);
                }
            }
        }

        return due;
    }

    // Called under the lock: drops the accounts no longer configured, adds the new ones, and takes every account's settings.
    private void Reconcile(IReadOnlyList<BalanceAccount> accounts, DateTimeOffset now)
    {
        var keys = accounts.Select(Key).ToHashSet(AccountKeyComparer.Instance);
        var gone = _schedules.Keys.Where(key => !keys.Contains(key)).ToList();
        foreach (var key in gone)
        {
            _schedules.Remove(key, out var removed);
            _withReading -= removed!.Reading is null ? 0 : 1;
        }

        var added = accounts.Where(account => !_schedules.ContainsKey(Key(account))).ToList();
        if (added.Count > 0 || gone.Count > 0)
        {
            _pace.Check(accounts, _checkerOptions.CurrentValue, _options.CurrentValue);
        }

        for (var i = 0; i < added.Count; i++)
        {
            // New accounts' first checks are spread over a short window, so that they never start at the same instant.
            var spread = StartSpread(_options.CurrentValue.IntervalOf(added[i].Provider));
            _schedules[Key(added[i])] = new AccountSchedule(added[i], now + (spread * i / added.Count));
        }

        ResumeTakenOver(added, now);
        Volatile.Write(ref _followed, null);
        foreach (var schedule in added.Select(account => _schedules[Key(account)]))
        {
            _withReading += schedule.Reading is null ? 0 : 1;
            _queue.Enqueue(schedule, schedule.Due);
        }

        foreach (var account in accounts)
        {
            _schedules[Key(account)].Account = account;
        }

        if (added.Count > 0 || gone.Count > 0)
        {
            Changed();
        }
    }

    // Called under the lock: whether a queued due time is still the schedule's own (not a dropped account's, nor an older turn's).
    private bool IsCurrent(AccountSchedule schedule, DateTimeOffset dueAt) =>
        !schedule.InFlight && schedule.Due == dueAt && IsScheduled(schedule);

    // Called under the lock: whether the schedule is its account's (an account dropped, or dropped and added again, has another).
    private bool IsScheduled(AccountSchedule schedule) =>
        _schedules.TryGetValue(Key(schedule.Account), out var current) && ReferenceEquals(current, schedule);

    private TimeSpan NextWake(DateTimeOffset now)
    {
        lock (_lock)
        {
            while (_queue.TryPeek(out var schedule, out var dueAt))
            {
                if (IsCurrent(schedule, dueAt))
                {
                    return Clamp(dueAt - now);
                }

                _queue.Dequeue();
            }

            return Timeout.InfiniteTimeSpan;
        }
    }

    private async Task RunAsync(AccountSchedule schedule, FairConcurrency concurrency, CancellationToken stoppingToken)
    {
        try
        {
            await concurrency.EnterAsync(schedule.Account.Provider, stoppingToken).ConfigureAwait(false);
            BalanceReading reading;
            try
            {

                var result = await _checker.CheckAsync(schedule.Account, stoppingToken).ConfigureAwait(false);
                var interval = _options.CurrentValue.IntervalOf(schedule.Account.Provider);
                lock (_lock)
                {
                    var scheduled = IsScheduled(schedule);
                    _withReading += scheduled && schedule.Reading is null ? 1 : 0;
                    reading = schedule.Complete(result, _timeProvider.GetUtcNow(), interval, Random.Shared.NextDouble());
                    if (scheduled)
                    {
                        // An account dropped while its check ran keeps no turn.
                        _queue.Enqueue(schedule, schedule.Due);
                        Changed();
                    }
                }
            }
            finally
            {
                concurrency.Release();
            }

            await NotifyAsync(reading, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // The schedule's next turn must find this check ended.
            Interlocked.Decrement(ref _inFlight);
            Wake();
        }
    }

    private async Task NotifyAsync(BalanceReading reading, CancellationToken stoppingToken)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnReadingAsync(reading, stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // An observer's failure is logged; it must not stop the checks of every account.
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogObserverFailed(_logger, observer.GetType().Name, reading.Provider, reading.Account, exception);
            }
        }

        ReadingChanged?.Invoke(this, new BalanceReadingEventArgs(reading));
    }

    // Called under the lock: the readings changed; the list readers see is made again when one next reads it.
    private void Changed()
    {
        _changes++;
        Volatile.Write(ref _isReady, _schedules.Count > 0 && _withReading == _schedules.Count);
    }

    // The readings of every account, sorted, made at most once per change of them (a reader, not each check, pays for the sort).
    private IReadOnlyList<BalanceReading> Published()
    {
        var published = Volatile.Read(ref _published);
        if (published.Version == Volatile.Read(ref _changes))
        {
            return published.Readings;
        }

        lock (_lock)
        {
            if (_published.Version != _changes)
            {
                IReadOnlyList<BalanceReading> readings = [.. _schedules.Values.Where(s => s.Reading is not null).Select(s => s.Reading!)
                    .OrderBy(r => r.Provider, StringComparer.Ordinal).ThenBy(r => r.Account, StringComparer.Ordinal)];
                Volatile.Write(ref _published, new PublishedReadings(_changes, readings));
            }

            return _published.Readings;
        }
    }

    private static TimeSpan StartSpread(TimeSpan interval) =>
        interval / 2 < MonitorDefaults.StartSpread ? interval / 2 : MonitorDefaults.StartSpread;

    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : wait;

    private static (string Provider, string Account) Key(BalanceAccount account) => (account.Provider, account.Name);

    // The sorted readings of one version of the schedule's state.
    private sealed record PublishedReadings(long Version, IReadOnlyList<BalanceReading> Readings);

    [LoggerMessage(20, LogLevel.Warning, "An observer of readings ({Observer}) failed on {Provider}/{Account}")]
    private static partial void LogObserverFailed(ILogger logger, string observer, string provider, string account, Exception exception);
}
