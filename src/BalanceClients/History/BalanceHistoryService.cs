using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalanceClients.History;

/// <summary>
/// Opens the history's store as the host starts, before any hosted service (the monitor's first checks included) has started: a
/// store that cannot be opened fails the start with its one-line message and nothing else said. Then applies the retention every
/// <see cref="BalanceHistoryOptions.RetentionInterval"/> on the host's clock.
/// </summary>
/// <param name="history">The store.</param>
/// <param name="options">The retention's interval.</param>
/// <param name="timeProvider">The clock of the interval.</param>
/// <param name="logger">Where a failed retention goes.</param>
internal sealed partial class BalanceHistoryService(
    BalanceHistory history,
    IOptions<BalanceHistoryOptions> options,
    TimeProvider timeProvider,
    ILogger<BalanceHistoryService> logger) : BackgroundService, IHostedLifecycleService
{
    /// <inheritdoc />
    public async Task StartingAsync(CancellationToken cancellationToken) =>
        await history.GetStoreAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RetentionInterval;
        try
        {
            while (true)
            {
                await Task.Delay(interval, timeProvider, stoppingToken).ConfigureAwait(false);
                try
                {
                    var store = await history.GetStoreAsync(stoppingToken).ConfigureAwait(false);
                    var removed = await store.ApplyRetentionAsync(stoppingToken).ConfigureAwait(false);
                    LogRetained(logger, removed);
                }
                catch (BalanceStoreException exception)
                {
                    LogRetentionFailed(logger, exception.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(31, LogLevel.Debug, "The history's retention thinned {Removed} old readings")]
    private static partial void LogRetained(ILogger logger, int removed);

    [LoggerMessage(32, LogLevel.Warning, "The history's retention failed; it runs again at its next turn: {Reason}")]
    private static partial void LogRetentionFailed(ILogger logger, string reason);
}
