using BalanceClients.Monitoring;
using Microsoft.Extensions.Logging;

namespace BalanceClients.History;

/// <summary>
/// Records every successful reading of the monitor in the history's store, then estimates the account's runway from what is
/// recorded into <see cref="LatestRunways"/>, then keeps the reading whole as the account's latest (failed checks too), with that
/// runway, which replicas that follow read. Readings that come together share their writes (<see cref="GroupCommit{T}"/>): the history rows
/// that come while a batch is written go together in the next transaction, and so do the latest rows; the runways are read by each
/// caller, several at once. Each caller returns once its own reading's runway is set and its rows are written. A store that
/// cannot take them (busy past its timeout, a full disk) costs the batch's readings, each logged in one line, and never stops the
/// monitor.
/// </summary>
internal sealed partial class BalanceHistoryRecorder : IBalanceReadingObserver
{
    private readonly BalanceHistory _history;
    private readonly LatestRunways _runways;
    private readonly ILogger<BalanceHistoryRecorder> _logger;
    private readonly GroupCommit<BalanceCheckResult> _records;
    private readonly GroupCommit<(BalanceReading Reading, BalanceRunway? Runway)> _latest;

    /// <summary>Creates the recorder.</summary>
    /// <param name="history">The store.</param>
    /// <param name="runways">Where each account's latest runway is kept.</param>
    /// <param name="logger">Where failures to record go.</param>
    public BalanceHistoryRecorder(BalanceHistory history, LatestRunways runways, ILogger<BalanceHistoryRecorder> logger)
    {
        _history = history;
        _runways = runways;
        _logger = logger;
        _records = new(RecordAsync, HistoryDefaults.RecordingBatch);
        _latest = new(SaveLatestAsync, HistoryDefaults.RecordingBatch);
    }

    /// <inheritdoc />
    public async Task OnReadingAsync(BalanceReading reading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        try
        {
            await _records.WriteAsync(reading.Latest, cancellationToken).ConfigureAwait(false);
            var store = await _history.GetStoreAsync(cancellationToken).ConfigureAwait(false);
            var runway = await store.EstimateRunwayAsync(reading.Provider, reading.Account, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            _runways.Set(reading.Provider, reading.Account, runway);
            await _latest.WriteAsync((reading, runway), cancellationToken).ConfigureAwait(false);
        }
        catch (BalanceStoreException exception)
        {
            // The message names the file and the reason in one line; SQLite's own text stays in the inner exception.
            LogNotRecorded(_logger, reading.Provider, reading.Account, exception.Message);
        }
    }

    private async Task RecordAsync(IReadOnlyList<BalanceCheckResult> results, CancellationToken cancellationToken)
    {
        var store = await _history.GetStoreAsync(cancellationToken).ConfigureAwait(false);
        await store.RecordManyAsync(results, cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveLatestAsync(
        IReadOnlyList<(BalanceReading Reading, BalanceRunway? Runway)> readings, CancellationToken cancellationToken)
    {
        var store = await _history.GetStoreAsync(cancellationToken).ConfigureAwait(false);
        await store.SaveLatestAsync(readings, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(30, LogLevel.Warning, "The reading of {Provider}/{Account} was not recorded: {Reason}")]
    private static partial void LogNotRecorded(ILogger logger, string provider, string account, string reason);
}
