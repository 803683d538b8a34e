using Microsoft.Extensions.Logging;

namespace BalanceClients.History;

/// <summary>
/// Which one of several processes on one SQLite store leads: the one that holds an exclusive lock on a file beside the store (its
/// path with <see cref="Suffix"/>; <c>flock</c>, taken through <see cref="FileShare.None"/>). The kernel frees the lock when the
/// holder's file is closed, however its process ends (<c>kill -9</c> included), so another process leads at its next attempt, every
/// <see cref="PostgreSqlLeadership.CheckInterval"/>. A leader whose lock file was deleted or replaced (the store's folder emptied)
/// locks the file now at the path, and stops leading if another process holds it. The lock file is left in place when the process
/// ends: removing it could let two processes each lock a file of their own.
/// </summary>
internal sealed partial class FileLeadership : IStoreElection
{
    /// <summary>What the lock file's name adds to the store's.</summary>
    public const string Suffix = ".lock";

    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private FileStream? _held;
    private FileIdentity? _heldIdentity;

    /// <summary>Creates the election; nothing is locked before <see cref="RunAsync"/>.</summary>
    /// <param name="storePath">The store's file.</param>
    /// <param name="timeProvider">The clock of the attempts.</param>
    /// <param name="logger">Where a change of leadership is told.</param>
    public FileLeadership(string storePath, TimeProvider timeProvider, ILogger logger)
    {
        _path = Path.GetFullPath(storePath) + Suffix;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public event EventHandler? LeadershipChanged;

    /// <inheritdoc />
    public bool IsLeader => Volatile.Read(ref _held) is not null;

    /// <inheritdoc />
    public Task Decided => _decided.Task;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                Attempt();
                _decided.TrySetResult();
                await Task.Delay(PostgreSqlLeadership.CheckInterval, _timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _decided.TrySetResult();
            Release();
        }
    }

    /// <summary>One attempt: a process that does not lead tries to take the lock; the leader checks that its file is still there.</summary>
    internal void Attempt()
    {
        lock (_lock)
        {
            if (_held is not null && FileIdentity.Of(_path) is { } now && now == _heldIdentity)
            {
                return;
            }

            var wasLeader = _held is not null;
            var taken = TryLock();
            _held?.Dispose();
            Volatile.Write(ref _held, taken);
            _heldIdentity = taken is null ? null : FileIdentity.Of(_path);
            if (wasLeader != taken is not null)
            {
                LogLeadership(_logger, _path, taken is not null ? "leads" : "no longer leads");
                LeadershipChanged?.Invoke(this, EventArgs.Empty);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    private FileStream? TryLock()
    {
        try
        {
            return new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            // Another process holds it.
            return null;
        }
        catch (UnauthorizedAccessException exception)
        {
            LogCannotLock(_logger, _path, exception.Message);
            return null;
        }
    }

    private void Release()
    {
        lock (_lock)
        {
            if (_held is null)
            {
                return;
            }

            _held.Dispose();
            Volatile.Write(ref _held, null);
            LeadershipChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    [LoggerMessage(70, LogLevel.Information, "This replica {Change} the monitor of the store locked by {LockFile}")]
    private static partial void LogLeadership(ILogger logger, string lockFile, string change);

    [LoggerMessage(71, LogLevel.Warning, "This replica cannot lead the monitor: its lock file {LockFile} cannot be opened ({Reason})")]
    private static partial void LogCannotLock(ILogger logger, string lockFile, string reason);
}
