using BalanceClients.Monitoring;
using Microsoft.Extensions.Logging;

namespace BalanceClients.History;

/// <summary>
/// The latest readings of the history's store, as a monitor that follows reads them: the first read takes every account's reading
/// whole, each later one only the rows the leader changed since (<see cref="LatestChanges"/>), merged into what was read before. Each
/// account's runway is the one the leader estimated when it recorded the reading, carried in the row; a row written by an older
/// version carries none, and it is estimated afresh from the store. One caller at a time: the monitor's schedule.
/// </summary>
/// <param name="history">The store.</param>
/// <param name="runways">Where each account's runway is kept.</param>
/// <param name="logger">Where a store that cannot be read, and then can again, is told (once each).</param>
internal sealed partial class StoreReadings(BalanceHistory history, LatestRunways runways, ILogger<StoreReadings> logger)
    : IStoredReadings
{
    private readonly Dictionary<(string Provider, string Account), BalanceReading> _latest = new(AccountKeyComparer.Instance);
    private IReadOnlyList<BalanceReading> _ordered = [];
    private BalanceStore? _store;
    private long? _cursor;
    private bool _unreadable;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BalanceReading>?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        try
        {
            var readings = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (_unreadable)
            {
                _unreadable = false;
                LogReadAgain(logger);
            }

            return readings;
        }
        catch (BalanceStoreException exception)
        {
            if (!_unreadable)
            {
                _unreadable = true;
                LogUnreadable(logger, exception.Message);
            }

            return null;
        }
    }

    private async Task<IReadOnlyList<BalanceReading>> ReadAsync(CancellationToken cancellationToken)
    {
        var store = await history.GetStoreAsync(cancellationToken).ConfigureAwait(false);
        var changes = await store.ReadLatestAsync(ReferenceEquals(store, _store) ? _cursor : null, cancellationToken)
            .ConfigureAwait(false);
        var changed = changes.IsWhole && ForgetAllBut(changes.Rows);
        foreach (var row in changes.Rows)
        {
            changed |= await MergeAsync(store, row, cancellationToken).ConfigureAwait(false);
        }

        // Only once every row is merged: a read that failed half-way is made again from the same cursor.
        (_store, _cursor) = (store, changes.Cursor);
        if (changed)
        {
            _ordered = [.. _latest.Values.OrderBy(r => r.Provider, StringComparer.Ordinal).ThenBy(r => r.Account, StringComparer.Ordinal)];
        }

        return _ordered;
    }

    // Whether the row changed what is held: a reading new to this replica replaces the one before, with its runway.
    private async Task<bool> MergeAsync(BalanceStore store, LatestRow row, CancellationToken cancellationToken)
    {
        var key = (row.Provider, row.Account);
        if (LatestReadingJson.ReadingOf(row) is not { } latest)
        {
            // A document this version cannot read (a newer leader's, damaged) is left out, as the store's readings are served whole.
            return Forget(key);
        }

        var reading = latest.Reading;
        if (_latest.TryGetValue(key, out var held) && held.CheckedAt == reading.CheckedAt)
        {
            return false;
        }

        var runway = latest.HasRunway
            ? latest.Runway
            : await store.EstimateRunwayAsync(reading.Provider, reading.Account, cancellationToken: cancellationToken).ConfigureAwait(false);
        runways.Set(reading.Provider, reading.Account, runway);
        _latest[key] = reading;
        return true;
    }

    // After a whole read: the accounts the store no longer holds (another store in its place) are forgotten.
    private bool ForgetAllBut(IReadOnlyList<LatestRow> rows)
    {
        var kept = rows.Select(row => (row.Provider, row.Account)).ToHashSet(AccountKeyComparer.Instance);
        var gone = _latest.Keys.Where(key => !kept.Contains(key)).ToList();
        gone.ForEach(key => Forget(key));
        return gone.Count > 0;
    }

    private bool Forget((string Provider, string Account) key)
    {
        if (!_latest.Remove(key, out var held))
        {
            return false;
        }

        runways.Set(held.Provider, held.Account, null);
        return true;
    }

    [LoggerMessage(
        74, LogLevel.Warning, "The store's latest readings cannot be read; the last ones read are served until it can: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);

    [LoggerMessage(75, LogLevel.Information, "The store's latest readings are read again")]
    private static partial void LogReadAgain(ILogger logger);
}
