using BalanceClients.Monitoring;

namespace BalanceClients.History;

/// <summary>
/// The latest readings of the history's store, as a monitor that follows reads them: each account's reading whole, and its runway
/// estimated afresh from the store once its reading has changed (as the leader's recorder does after recording it). One caller at a
/// time: the monitor's schedule.
/// </summary>
/// <param name="history">The store.</param>
/// <param name="runways">Where each account's runway is kept.</param>
internal sealed class StoreReadings(BalanceHistory history, LatestRunways runways) : IStoredReadings
{
    private readonly Dictionary<(string Provider, string Account), DateTimeOffset> _seen = new(AccountKeyComparer.Instance);

    /// <inheritdoc />
    public async Task<IReadOnlyList<BalanceReading>> ReadLatestAsync(CancellationToken cancellationToken)
    {
        var store = await history.GetStoreAsync(cancellationToken).ConfigureAwait(false);
        var readings = await store.ReadLatestAsync(cancellationToken).ConfigureAwait(false);
        foreach (var reading in readings)
        {
            var key = (reading.Provider, reading.Account);
            if (_seen.GetValueOrDefault(key) != reading.CheckedAt)
            {
                var runway = await store.EstimateRunwayAsync(reading.Provider, reading.Account, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                runways.Set(reading.Provider, reading.Account, runway);
                _seen[key] = reading.CheckedAt;
            }
        }

        return readings;
    }
}
