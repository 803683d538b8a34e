using Microsoft.Extensions.Logging;
using Npgsql;

namespace BalanceClients.History;

/// <summary>
/// Which one of several processes on one PostgreSQL store leads: the one whose connection of its own holds the store's session-level
/// advisory lock (<see cref="PostgreSqlSchema.LeaderLock"/>). PostgreSQL frees the lock when that session ends, however it ends; so
/// a leader killed, even by <c>kill -9</c>, is followed by another at its next attempt. The leader waits on its connection between
/// checks, so that a session the server ends (terminated, or the database restarting) stops it leading at once; every
/// <see cref="CheckInterval"/> it asks whether its session still holds the lock, and stops leading as soon as the answer fails to come
/// within <see cref="CheckTimeout"/> (the network cut). The others try to take the lock as often. A process that finds the store's
/// schema newer than it knows neither takes the lock nor keeps it (a rolling update across a schema change: the new version leads).
/// </summary>
/// <remarks>
/// A session whose client vanished without closing its connection (a machine lost, a network cut) lingers on the server until TCP
/// finds the client gone; the lock's connection asks the server to find it within about 11 s (TCP keepalives after 5 s idle, then
/// every 2 s, 3 unanswered; and <c>tcp_user_timeout</c> of 10 s for data unacknowledged), and a leader that cannot reach the server
/// stops leading after <see cref="CheckTimeout"/> plus <see cref="CheckInterval"/> at most, before the server frees its lock: two
/// processes never lead at once. Every time is measured by each process on its own clock; none is compared between machines.
/// </remarks>
internal sealed partial class PostgreSqlLeadership : IStoreElection
{
    /// <summary>How often the leader checks that it still holds the lock, and the others try to take it.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long an answer of the server may take before the leader takes its session as lost.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    // Asked of the server for the lock's session: it finds a vanished client within about 11 s and ends the session, freeing the lock.
    private const string ServerSideTimeouts =
        "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3 -c tcp_user_timeout=10000";

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlLocation _location;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _display;
    private readonly TaskCompletionSource _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _isLeader;
    private long _newerSchemaTold;

    /// <summary>Creates the election; nothing is connected before <see cref="RunAsync"/>.</summary>
    /// <param name="location">The store's database.</param>
    /// <param name="timeProvider">The clock of the checks.</param>
    /// <param name="logger">Where a change of leadership is told.</param>
    public PostgreSqlLeadership(PostgreSqlLocation location, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(location);
        var settings = new NpgsqlConnectionStringBuilder(location.Settings.ConnectionString)
        {
            Pooling = false,
            ApplicationName = location.Settings.ApplicationName ?? "balances leader",
            Timeout = (int)CheckTimeout.TotalSeconds,
            CommandTimeout = (int)CheckTimeout.TotalSeconds,
            Options = $"{location.Settings.Options} {ServerSideTimeouts}".Trim(),
        };
        if (settings.Host?.StartsWith('/') != true)
        {
            // Over TCP, the client side too: a server or network gone is found within about 5 + 3 × 2 s of silence.
            (settings.TcpKeepAlive, settings.TcpKeepAliveTime, settings.TcpKeepAliveInterval) = (true, 5, 2);
        }

        _dataSource = new NpgsqlSlimDataSourceBuilder(settings.ConnectionString).EnableTransportSecurity().Build();
        _timeProvider = timeProvider;
        _logger = logger;
        _display = location.Display;
        _location = location;
    }

    /// <inheritdoc />
    public event EventHandler? LeadershipChanged;

    /// <summary>Whether this process leads now.</summary>
    public bool IsLeader => _isLeader;

    /// <inheritdoc />
    public Task Decided => _decided.Task;

    /// <summary>Takes part in the election until stopped: leads when it holds the lock, and lets it go when stopped.</summary>
    /// <param name="stoppingToken">Stops it; the lock's session then ends, so another process leads at its next attempt.</param>
    /// <returns>When it is stopped.</returns>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            NpgsqlConnection? connection = null;
            try
            {
                connection = await _dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                while (true)
                {
                    var holds = await HoldsOrTakesLockAsync(connection, stoppingToken).ConfigureAwait(false);
                    Become(holds);
                    _decided.TrySetResult();

                    if (holds)
                    {
                        // The leader waits on its connection, so that a session the server ends (terminated, or the database
                        // restarting) is seen at once, not at the next check.
                        await connection.WaitAsync(CheckInterval, stoppingToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await Task.Delay(CheckInterval, _timeProvider, stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested
                && exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                Lose(exception.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            finally
            {
                _decided.TrySetResult();
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }

            await DelayAsync(stoppingToken).ConfigureAwait(false);
        }

        Become(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private void Become(bool leader)
    {
        if (leader != _isLeader)
        {
            _isLeader = leader;
            LogLeadership(_logger, _display, leader ? "leads" : "no longer leads");
            LeadershipChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    // The leader asks whether its session still holds the lock; any other process tries to take it. Neither leads on a newer schema:
    // the leader lets the lock go.
    private async Task<bool> HoldsOrTakesLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (await NewerSchemaAsync(connection, cancellationToken).ConfigureAwait(false) is { } newer)
        {
            if (Interlocked.Exchange(ref _newerSchemaTold, newer) != newer)
            {
                LogNewerSchema(_logger, _display, newer, PostgreSqlSchema.CurrentVersion);
            }

            if (_isLeader)
            {
                using var unlock = new NpgsqlCommand(
                    PostgreSqlSchema.Lock("pg_advisory_unlock", PostgreSqlSchema.LeaderLock), connection);
                await unlock.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        using var command = new NpgsqlCommand(
            _isLeader
                ? PostgreSqlSchema.HeldLock(PostgreSqlSchema.LeaderLock)
                : PostgreSqlSchema.Lock("pg_try_advisory_lock", PostgreSqlSchema.LeaderLock),
            connection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    // The store's schema version where it is newer than this library's, else null (also where the store has no tables yet).
    private static async Task<long?> NewerSchemaAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass('balances_meta') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            return null;
        }

        using var command = new NpgsqlCommand("SELECT value FROM balances_meta WHERE key = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PostgreSqlSchema.VersionKey });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version
            && version > PostgreSqlSchema.CurrentVersion
            ? version
            : null;
    }

    private void Lose(string why)
    {
        LogNoSession(_logger, _display, _location.Redacted(why.ReplaceLineEndings(" ")));
        if (_isLeader)
        {
            LogLost(_logger, _display, _location.Redacted(why.ReplaceLineEndings(" ")));
            Become(false);
        }
    }

    private async Task DelayAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(CheckInterval, _timeProvider, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(43, LogLevel.Information, "This replica {Change} the monitor of {Store}")]
    private static partial void LogLeadership(ILogger logger, string store, string change);

    [LoggerMessage(45, LogLevel.Debug, "The election's connection to {Store} failed; it is tried again: {Reason}")]
    private static partial void LogNoSession(ILogger logger, string store, string reason);

    [LoggerMessage(
        72, LogLevel.Warning, "This replica neither writes nor leads: {Store} has schema {Found}, newer than it knows ({Known})")]
    private static partial void LogNewerSchema(ILogger logger, string store, long found, int known);

    [LoggerMessage(44, LogLevel.Warning, "This replica no longer leads the monitor of {Store}: its connection was lost ({Reason})")]
    private static partial void LogLost(ILogger logger, string store, string reason);
}
