using BalanceClients.History;

namespace BalanceClients.Cli.Output;

/// <summary>An output format of <c>balances check</c>: takes results one by one, then completes.</summary>
internal interface IReport : IAsyncDisposable
{
    /// <summary>Adds a result.</summary>
    /// <param name="result">The result, with its level.</param>
    /// <param name="runway">The runway of its primary amount from the recorded history, when one is known.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>A task that completes when the result is taken.</returns>
    Task AddAsync(BalanceCheckResult result, BalanceRunway? runway, CancellationToken cancellationToken);

    /// <summary>Writes whatever remains.</summary>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>A task that completes when the report is written.</returns>
    Task CompleteAsync(CancellationToken cancellationToken);
}
