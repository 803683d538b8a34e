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

    // The readings in the contract's order, as last published, and the place of each account in them.
    private BalanceReading[] _ordered = [];
    private Dictionary<(string Provider, string Account), int> _places = new(AccountKeyComparer.Instance);
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
        var news = new List<((string, string) Key, LatestReading? Latest)>();
        foreach (var row in changes.Rows)
        {
            var key = (row.Provider, row.Account);
            if (_latest.TryGetValue(key, out var held) && held.CheckedAt.ToUnixTimeMilliseconds() == row.Time)
            {
                // A row read again unchanged (on PostgreSQL, those of transactions that were running at the last read's snapshot).
                continue;
            }

            var latest = LatestReadingJson.ReadingOf(row);
            if (latest is { HasRunway: false } old && IsNew(key, old.Reading))
            {
                var runway = await store
                    .EstimateRunwayAsync(old.Reading.Provider, old.Reading.Account, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                latest = old with { Runway = runway, HasRunway = true };
            }

            news.Add((key, latest));
        }

        // Merged only once the read is complete: one that failed half-way is made again from the same cursor.
        (_store, _cursor) = (store, changes.Cursor);
        return Merge(news, changes.IsWhole ? changes.Rows : null);
    }

    private bool IsNew((string, string) key, BalanceReading reading) =>
        !_latest.TryGetValue(key, out var held) || held.CheckedAt != reading.CheckedAt;

    // What was read merged into what is held: a reading new to this replica replaces the one before, with its runway; one this version
    // cannot read (a newer leader's document, a damaged one) is left out, as are, after a whole read, the accounts it did not hold.
    private BalanceReading[] Merge(List<((string, string) Key, LatestReading? Latest)> news, IReadOnlyList<LatestRow>? whole)
    {
        var (placesChange, replaced) = (false, new List<((string, string) Key, BalanceReading Reading)>());
        if (whole is not null)
        {
            var kept = whole.Select(row => (row.Provider, row.Account)).ToHashSet(AccountKeyComparer.Instance);
            foreach (var key in _latest.Keys.Where(key => !kept.Contains(key)).ToList())
            {
                placesChange |= Forget(key);
            }
        }

        var runwaysRead = new List<(string Provider, string Account, BalanceRunway? Runway)>();
        foreach (var (key, latest) in news)
        {
            if (latest is null)
            {
                placesChange |= Forget(key);
                continue;
            }

            if (IsNew(key, latest.Reading))
            {
                var held = _latest.GetValueOrDefault(key);
                placesChange |= held is null || held.Provider != latest.Reading.Provider || held.Account != latest.Reading.Account;
                _latest[key] = latest.Reading;
                replaced.Add((key, latest.Reading));
                runwaysRead.Add((latest.Reading.Provider, latest.Reading.Account, latest.Runway));
            }
        }

        runways.SetMany(runwaysRead);
        return placesChange ? Order() : Patch(replaced);
    }

    private BalanceReading[] Order()
    {
        _ordered = [.. _latest.Values.OrderBy(r => r.Provider, StringComparer.Ordinal).ThenBy(r => r.Account, StringComparer.Ordinal)];
        _places = new Dictionary<(string Provider, string Account), int>(_ordered.Length, AccountKeyComparer.Instance);
        for (var i = 0; i < _ordered.Length; i++)
        {
            _places[(_ordered[i].Provider, _ordered[i].Account)] = i;
        }

        return _ordered;
    }

    // Readings replaced in their places, in a copy: the list published before stays as it was for whoever reads it.
    private BalanceReading[] Patch(List<((string, string) Key, BalanceReading Reading)> replaced)
    {
        if (replaced.Count > 0)
        {
            var ordered = (BalanceReading[])_ordered.Clone();
            replaced.ForEach(r => ordered[_places[r.Key]] = r.Reading);
            _ordered = ordered;
        }

        return _ordered;
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
