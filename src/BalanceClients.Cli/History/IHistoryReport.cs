using BalanceClients.History;

namespace BalanceClients.Cli.History;

/// <summary>An output format of <c>balances history</c>: takes the readings one by one, oldest first, then completes.</summary>
internal interface IHistoryReport : IAsyncDisposable
{
    /// <summary>Adds a reading.</summary>
    /// <param name="reading">The reading.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>A task that completes when the reading is taken.</returns>
    ValueTask AddAsync(StoredReading reading, CancellationToken cancellationToken);

    /// <summary>Writes whatever remains.</summary>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>A task that completes when the report is written.</returns>
    Task CompleteAsync(CancellationToken cancellationToken);
}
