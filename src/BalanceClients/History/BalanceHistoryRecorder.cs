using BalanceClients.Monitoring;
using Microsoft.Extensions.Logging;

namespace BalanceClients.History;

/// <summary>
/// Records every successful reading of the monitor in the history's store. A store that cannot take it (busy past its timeout, a
/// full disk) costs that reading, logged in one line, and never stops the monitor.
/// </summary>
/// <param name="history">The store.</param>
/// <param name="logger">Where failures to record go.</param>
internal sealed partial class BalanceHistoryRecorder(BalanceHistory history, ILogger<BalanceHistoryRecorder> logger)
    : IBalanceReadingObserver
{
    /// <inheritdoc />
    public async Task OnReadingAsync(BalanceReading reading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!reading.Latest.IsSuccess)
        {
            return;
        }

        try
        {
            var store = await history.GetStoreAsync(cancellationToken).ConfigureAwait(false);
            await store.RecordAsync(reading.Latest, cancellationToken).ConfigureAwait(false);
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
