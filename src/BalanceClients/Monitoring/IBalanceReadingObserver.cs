namespace BalanceClients.Monitoring;

/// <summary>
/// Receives every reading a monitor makes, awaited before the account's next check is scheduled: a store of readings, a
/// notifier. Register implementations in the service collection; a failure is logged and never stops the monitor.
/// </summary>
public interface IBalanceReadingObserver
{
    /// <summary>Takes a reading.</summary>
    /// <param name="reading">The account's new reading.</param>
    /// <param name="cancellationToken">Stops the work when the monitor stops.</param>
    /// <returns>A task that completes when the reading is taken.</returns>
    Task OnReadingAsync(BalanceReading reading, CancellationToken cancellationToken = default);
}
