using BalanceClients.Monitoring;

namespace BalanceClients.History;

/// <summary>
/// An election among the processes that share one store: <see cref="PostgreSqlLeadership"/> on a PostgreSQL database,
/// <see cref="FileLeadership"/> on a SQLite file. <see cref="StoreLeadership"/> runs it for a host's lifetime.
/// </summary>
internal interface IStoreElection : IMonitorLeadership, IAsyncDisposable
{
    /// <summary>Completes once the first attempt to lead has ended, whatever its outcome.</summary>
    Task Decided { get; }

    /// <summary>Takes part in the election until stopped: leads when it holds the lock, and lets it go when stopped.</summary>
    /// <param name="stoppingToken">Stops it; the lock is then freed, so another process leads at its next attempt.</param>
    /// <returns>When it is stopped.</returns>
    Task RunAsync(CancellationToken stoppingToken);
}
