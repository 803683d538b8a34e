using BalanceClients.Monitoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalanceClients.History;

/// <summary>
/// The leadership of a host whose history has a store (<c>AddBalanceHistory</c>), which other processes may share: it runs the store's
/// election for the host's lifetime (<see cref="PostgreSqlLeadership"/> on a PostgreSQL database, <see cref="FileLeadership"/> on a
/// SQLite file). The first attempt is made as the host starts, once the store is open and before the monitor starts, so that a lone
/// process leads from its first instant; the election stops, and its lock is freed, once every service has stopped.
/// </summary>
internal sealed class StoreLeadership : IMonitorLeadership, IHostedLifecycleService, IAsyncDisposable
{
    private readonly IOptions<BalanceHistoryOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly CancellationTokenSource _stopping = new();
    private IStoreElection? _election;
    private Task _running = Task.CompletedTask;
    private int _disposed;

    /// <summary>Creates the leadership; nothing runs before the host starts.</summary>
    /// <param name="options">Where the store is.</param>
    /// <param name="timeProvider">The clock of the election.</param>
    /// <param name="loggerFactory">Where a change of leadership is told.</param>
    public StoreLeadership(IOptions<BalanceHistoryOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _options = options;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
    }

    /// <inheritdoc />
    public event EventHandler? LeadershipChanged;

    /// <inheritdoc />
    public bool IsLeader => Volatile.Read(ref _election)?.IsLeader ?? false;

    /// <inheritdoc />
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var path = _options.Value.Path ?? string.Empty;
        var logger = _loggerFactory.CreateLogger<StoreLeadership>();
        IStoreElection election = PostgreSqlLocation.IsUri(path)
            ? new PostgreSqlLeadership(PostgreSqlLocation.Parse(path), _timeProvider, logger)
            : new FileLeadership(path, _timeProvider, logger);
        election.LeadershipChanged += (_, _) => LeadershipChanged?.Invoke(this, EventArgs.Empty);
        Volatile.Write(ref _election, election);
        _running = Task.Run(() => election.RunAsync(_stopping.Token), CancellationToken.None);
        await election.Decided.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Once: the container holds it as the leadership and as a hosted service.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.ConfigureAwait(false);
        if (_election is not null)
        {
            await _election.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }
}
