using Microsoft.Extensions.Logging;

namespace BalanceClients.Monitoring;

/// <content>
/// Following: while another process leads (<see cref="IMonitorLeadership"/>), the monitor starts no check and serves the store's
/// latest readings, read every <see cref="MonitorDefaults.FollowInterval"/>; once it leads, it takes the schedule over from them.
/// </content>
public sealed partial class BalanceMonitor
{
    // Readings the monitor took over when it began to lead: each account's next check is due one interval after its latest one.
    private Dictionary<(string Provider, string Account), BalanceReading>? _takenOver;

    // What the followed readings were last made of: the store's readings and the configured accounts, both immutable snapshots.
    private (IReadOnlyList<BalanceReading> Stored, IReadOnlyList<BalanceAccount> Accounts)? _refreshedFrom;

    /// <summary>Whether this process leads the monitor: only then does it check accounts.</summary>
    internal bool IsLeader => _leadership.IsLeader;

    private void OnLeadershipChanged(object? sender, EventArgs e) => Wake();

    // Until this process leads: no check starts (those running end), and the store's readings are served, read again on the timer.
    private async Task FollowAsync(ITimer timer, CancellationToken stoppingToken)
    {
        var last = Readings;
        _refreshedFrom = null;
        lock (_lock)
        {
            // What this process read last is served until the store's first answer.
            Volatile.Write(ref _followed, last);
            _schedules.Clear();
            _queue.Clear();
            _scheduledAccounts = null;
            _withReading = 0;
        }

        while (!_leadership.IsLeader)
        {
            await RefreshAsync(stoppingToken).ConfigureAwait(false);
            timer.Change(MonitorDefaults.FollowInterval, Timeout.InfiniteTimeSpan);
            Parked(idle: Volatile.Read(ref _inFlight) == 0);
            await _wake.Reader.ReadAsync(stoppingToken).ConfigureAwait(false);
            Parked(idle: false);
        }

        // The latest the store holds, so that the schedule goes on where the last leader left it.
        await RefreshAsync(stoppingToken).ConfigureAwait(false);
        lock (_lock)
        {
            // The followed readings are served until the schedule has taken them over (TakeDue, next).
            _takenOver = Readings.ToDictionary(r => (r.Provider, r.Account), AccountKeyComparer.Instance);
        }

        LogTakenOver(_logger, _takenOver.Count);
    }

    // The store's latest readings of the configured accounts replace the published ones; a store that cannot be read leaves them.
    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        if (_stored is null)
        {
            return;
        }

        if (await _stored.ReadLatestAsync(stoppingToken).ConfigureAwait(false) is not { } stored)
        {
            return;
        }

        var configured = _checker.Accounts;
        if (_refreshedFrom is var (before, beforeAccounts)
            && ReferenceEquals(before, stored) && ReferenceEquals(beforeAccounts, configured))
        {
            return;
        }

        _refreshedFrom = (stored, configured);
        var accounts = configured.Select(Key).ToHashSet(AccountKeyComparer.Instance);
        var readings = stored.Where(r => accounts.Contains((r.Provider, r.Account))).ToList();
        Volatile.Write(ref _followed, readings);
        Volatile.Write(ref _isReady, accounts.Count > 0 && readings.Count == accounts.Count);
    }

    // Called under the lock as the schedule takes new accounts: those the last leader checked go on from their latest reading, due
    // one interval after it; those already overdue are spread over the start window, as new accounts are.
    private void ResumeTakenOver(List<BalanceAccount> added, DateTimeOffset now)
    {
        if (_takenOver is not { Count: > 0 } takenOver)
        {
            return;
        }

        var known = added.Where(account => takenOver.ContainsKey(Key(account))).ToList();
        var overdue = 0;
        foreach (var account in known)
        {
            var reading = takenOver[Key(account)];
            var interval = _options.CurrentValue.IntervalOf(account.Provider);
            var due = reading.CheckedAt + interval;
            if (due <= now)
            {
                due = now + (StartSpread(interval) * overdue++ / known.Count);
            }

            _schedules[Key(account)].Resume(reading, due);
        }

        _takenOver = null;
    }

    [LoggerMessage(73, LogLevel.Information, "This replica takes the schedule over from the store's latest readings of {Count} account(s)")]
    private static partial void LogTakenOver(ILogger logger, int count);
}
