using BalanceClients.Monitoring;
using Microsoft.Extensions.Logging;

namespace BalanceClients.History;

/// <summary>
/// Records every successful reading of the monitor in the history's store, then estimates the account's runway from what is
/// recorded into <see cref="LatestRunways"/>, then keeps the reading whole as the account's latest (failed checks too), which
/// replicas that follow read. A store that cannot take it (busy past its timeout, a full disk) costs that reading,
/// logged in one line, and never stops the monitor.
/// </summary>
/// <param name="history">The store.</param>
/// <param name="runways">Where each account's latest runway is kept.</param>
/// <param name="logger">Where failures to record go.</param>
internal sealed partial class BalanceHistoryRecorder(BalanceHistory history, LatestRunways runways, ILogger<BalanceHistoryRecorder> logger)
    : IBalanceReadingObserver
{
    /// <inheritdoc />
    public async Task OnReadingAsync(BalanceReading reading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        try
        {
            var store = await history.GetStoreAsync(cancellationToken).ConfigureAwait(false);
            var runway = await store.RecordWithRunwaysAsync([reading.Latest], cancellationToken).ConfigureAwait(false);
            runways.Set(reading.Provider, reading.Account, runway[0]);
            await store.SaveLatestAsync([reading], cancellationToken).ConfigureAwait(false);
        }
        catch (BalanceStoreException exception)
        {
            // The message names the file and the reason in one line; SQLite's own text stays in the inner exception.
            LogNotRecorded(logger, reading.Provider, reading.Account, exception.Message);
        }
    }

    [LoggerMessage(30, LogLevel.Warning, "The reading of {Provider}/{Account} was not recorded: {Reason}")]
    private static partial void LogNotRecorded(ILogger logger, string provider, string account, string reason);
}
