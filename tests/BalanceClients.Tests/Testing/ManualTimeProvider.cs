using System.Globalization;

namespace BalanceClients.Tests.Testing;

/// <summary>A clock that moves only when told to, so that delays, timeouts and deadlines run instantly in tests.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(Func<TimeSpan, bool> Matches, TaskCompletionSource<TimeSpan> Armed)> _waiters = [];
    private DateTimeOffset _now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private long _timestamp;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _timestamp;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The number of timers waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>The number of timers waiting to fire that were armed with <paramref name="dueTime"/>.</summary>
    public int PendingTimersDueIn(TimeSpan dueTime)
    {
        lock (_lock)
        {
            return _timers.Count(t => t.DueAt is not null && t.DueTime == dueTime);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Completes when a timer is armed to fall due after a time that <paramref name="dueTime"/> accepts (at once if one is), with
    /// that time: a test advances the clock once the code under test waits on it, not before. Fails after <see cref="Bounded.Limit"/>.
    /// </summary>
    public Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> dueTime, string what)
    {
        Task<TimeSpan> armed;
        lock (_lock)
        {
            var timer = _timers.Find(t => t.DueAt is not null && dueTime(t.DueTime));
            if (timer is not null)
            {
                return Task.FromResult(timer.DueTime);
            }

            var waiter = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, waiter));
            armed = waiter.Task;
        }

        return armed.WithinLimit($"a timer {what} to be armed");
    }

    /// <summary>Completes when a timer is armed to fall due after exactly <paramref name="dueTime"/>; see the other overload.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime) =>
        WaitForTimerAsync(due => due == dueTime, $"due in {dueTime.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + by;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).FirstOrDefault();
                if (next is null)
                {
                    _timestamp += (target - _now).Ticks;
                    _now = target;
                    return;
                }

                _timestamp += (next.DueAt!.Value - _now).Ticks;
                _now = next.DueAt!.Value;
                next.DueAt = next.Period > TimeSpan.Zero ? _now + next.Period : null;
            }

            next.Fire();
        }
    }

    // Called under the lock.
    private void Armed(TimeSpan dueTime)
    {
        foreach (var (_, armed) in _waiters.Where(waiter => waiter.Matches(dueTime)))
        {
            armed.TrySetResult(dueTime);
        }

        _waiters.RemoveAll(waiter => waiter.Matches(dueTime));
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        /// <summary>The due time it was last armed with, from then.</summary>
        public TimeSpan DueTime { get; private set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                DueTime = dueTime;
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                if (DueAt is not null)
                {
                    owner.Armed(dueTime);
                }
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._lock)
            {
                DueAt = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
