using Microsoft.Extensions.Logging;
using Npgsql;

namespace BalanceClients.History;

/// <summary>
/// Which one of several processes on one PostgreSQL store leads: the one whose connection of its own holds the store's session-level
/// advisory lock (<see cref="PostgreSqlSchema.LeaderLock"/>). PostgreSQL frees the lock when that session ends, however it ends; so
/// a leader killed, even by <c>kill -9</c>, is followed by another at its next attempt. The leader waits on its connection between
/// checks, so that a session the server ends (terminated, or the database restarting) stops it leading at once; every
/// <see cref="CheckInterval"/> it asks whether its session still holds the lock, and stops leading as soon as the answer fails to come
/// within <see cref="CheckTimeout"/> (the network cut). The others try to take the lock as often.
/// </summary>
/// <remarks>
/// A session whose client vanished without closing its connection (a machine lost, a network cut) lingers on the server until TCP
/// finds the client gone; the lock's connection asks the server to find it within about 11 s (TCP keepalives after 5 s idle, then
/// every 2 s, 3 unanswered; and <c>tcp_user_timeout</c> of 10 s for data unacknowledged), and a leader that cannot reach the server
/// stops leading after <see cref="CheckTimeout"/> plus <see cref="CheckInterval"/> at most, before the server frees its lock: two
/// processes never lead at once. Every time is measured by each process on its own clock; none is compared between machines.
/// </remarks>
internal sealed partial class PostgreSqlLeadership : IAsyncDisposable
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
    private volatile bool _isLeader;

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

    /// <summary>Whether this process leads now.</summary>
    public bool IsLeader => _isLeader;

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
                    if (holds != _isLeader)
                    {
                        _isLeader = holds;
                        LogLeadership(_logger, _display, holds ? "leads" : "no longer leads");
                    }

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
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }

            await DelayAsync(stoppingToken).ConfigureAwait(false);
        }

        _isLeader = false;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    // The leader asks whether its session still holds the lock; any other process tries to take it.
    private async Task<bool> HoldsOrTakesLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            _isLeader
                ? PostgreSqlSchema.HeldLock(PostgreSqlSchema.LeaderLock)
                : PostgreSqlSchema.Lock("pg_try_advisory_lock", PostgreSqlSchema.LeaderLock),
            connection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    private void Lose(string why)
    {
        LogNoSession(_logger, _display, _location.Redacted(why.ReplaceLineEndings(" ")));
        if (_isLeader)
        {
            _isLeader = false;
            LogLost(_logger, _display, _location.Redacted(why.ReplaceLineEndings(" ")));
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

    [LoggerMessage(44, LogLevel.Warning, "This replica no longer leads the monitor of {Store}: its connection was lost ({Reason})")]
    private static partial void LogLost(ILogger logger, string store, string reason);
}
