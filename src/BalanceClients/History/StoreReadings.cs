using BalanceClients.Monitoring;
using Microsoft.Extensions.Logging;

namespace BalanceClients.History;

/// <summary>
/// The latest readings of the history's store, as a monitor that follows reads them: each account's reading whole, and its runway
/// estimated afresh from the store once its reading has changed (as the leader's recorder does after recording it). One caller at a
/// time: the monitor's schedule.
/// </summary>
/// <param name="history">The store.</param>
/// <param name="runways">Where each account's runway is kept.</param>
/// <param name="logger">Where a store that cannot be read, and then can again, is told (once each).</param>
internal sealed partial class StoreReadings(BalanceHistory history, LatestRunways runways, ILogger<StoreReadings> logger)
    : IStoredReadings
{
    private readonly Dictionary<(string Provider, string Account), DateTimeOffset> _seen = new(AccountKeyComparer.Instance);
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

    [LoggerMessage(
        74, LogLevel.Warning, "The store's latest readings cannot be read; the last ones read are served until it can: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);

    [LoggerMessage(75, LogLevel.Information, "The store's latest readings are read again")]
    private static partial void LogReadAgain(ILogger logger);
}
