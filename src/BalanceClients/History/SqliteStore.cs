using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <summary>
/// A store of readings in an embedded SQLite file. Several processes may write one file at once. Methods may be called
/// concurrently; writes of one instance are serialised.
/// </summary>
internal sealed partial class SqliteStore : IStoreEngine
{
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _connectionString;
    private readonly FileIdentity? _identity;
    private readonly BalanceStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private bool _disposed;

    private SqliteStore(
        string path, string connectionString, SqliteConnection writer, BalanceStoreOptions options, TimeProvider timeProvider)
    {
        Path = path;
        _connectionString = connectionString;
        _writer = writer;
        _options = options;
        _timeProvider = timeProvider;
        _identity = writer.State == System.Data.ConnectionState.Open ? FileIdentity.Of(path) : null;
    }

    /// <summary>The store's file, as a full path.</summary>
    public string Path { get; }

    /// <summary>
    /// Whether the file this store opened to write is no longer the one at <see cref="Path"/>: deleted, or replaced by another (a
    /// backup moved there, say). Its connection would go on writing to the file it opened, which nothing can read any more, so every
    /// read and write then throws <see cref="BalanceStoreException"/> instead; opening the store again opens what is there now.
    /// </summary>
    public bool IsFileLost =>
        !IsReadOnly && (_identity is { } opened ? FileIdentity.Of(Path) != opened : !File.Exists(Path));

    /// <summary>
    /// Opens a store, creating the file and its folder if missing: brings its schema up to date and applies the retention.
    /// A file that is refused is left exactly as it was. To only read a store, <see cref="OpenReadOnlyAsync"/> writes nothing.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How readings are kept, checked.</param>
    /// <param name="timeProvider">The clock of the retention and the runway.</param>
    /// <param name="cancellationToken">Stops the opening.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="BalanceStoreException">The file is not a SQLite database (or another program's), was written by a newer
    /// version, or it or its folder cannot be read or written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static async Task<SqliteStore> OpenAsync(
        string path,
        BalanceStoreOptions options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        StoreFile.Prepare(fullPath);

        var writer = new SqliteConnection(ConnectionString(fullPath, SqliteOpenMode.ReadWriteCreate, options.BusyTimeout));
        try
        {
            await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Reads open connections of their own, which never create the file: one deleted under the store stays deleted.
            var store = new SqliteStore(
                fullPath,
                ConnectionString(fullPath, SqliteOpenMode.ReadWrite, options.BusyTimeout),
                writer,
                options,
                timeProvider);
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (SqliteException exception)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw StoreErrors.From(fullPath, exception, options.BusyTimeout);
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _writer.Dispose();
            _writeLock.Dispose();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async Task CloseWhenIdleAsync()
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static string ConnectionString(string dataSource, SqliteOpenMode mode, TimeSpan busyTimeout) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = mode,
            Cache = SqliteCacheMode.Private,
            // Said, not left to how SQLite was compiled: the bundled e_sqlite3 enforces foreign keys by default, the SQLite that
            // the Native AOT executable links in (Debian's) does not.
            ForeignKeys = true,
            // Each store owns its connections and closes them on dispose: no pooled handle keeps the file open afterwards.
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy statement until this many seconds have passed (0 would be forever), after
            // SQLite's own busy_timeout.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();

    // Nothing is written before the file is known to be a store of a schema this code knows.
    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (SQLitePCL.raw.sqlite3_db_readonly(_writer.Handle, "main") == 1)
        {
            throw StoreErrors.ReadOnly(Path, "it is read-only");
        }

        var version = await IdentityAsync(cancellationToken).ConfigureAwait(false);
        await CheckBeforeTheSwitchToWalAsync(version, cancellationToken).ConfigureAwait(false);
        var mode = await ScalarAsync<string>(_writer, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new BalanceStoreException(
                Path, BalanceStoreErrorKind.Failed, $"{Path} cannot use a write-ahead log on this file system.");
        }

        await ConfigureAsync(_writer, cancellationToken).ConfigureAwait(false);
        if (version < StoreSchema.CurrentVersion)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_options.ApplyRetentionOnOpen)
        {
            await ApplyRetentionCoreAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // A store in rollback-journal mode (a copy VACUUM INTO made, say) is switched to WAL by writing its header: it is read whole
    // first, so that a damaged one is refused as it was. Once in WAL mode, it is never read whole again.
    private async Task CheckBeforeTheSwitchToWalAsync(long version, CancellationToken cancellationToken)
    {
        var mode = await ScalarAsync<string>(_writer, "PRAGMA journal_mode", cancellationToken).ConfigureAwait(false);
        if (version > 0 && !string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase)
            && await ScalarAsync<string>(_writer, "PRAGMA quick_check(1)", cancellationToken).ConfigureAwait(false) != "ok")
        {
            throw StoreErrors.Damaged(Path, "SQLite's check of it finds a fault");
        }
    }

    // One read transaction: another process creating the same new file is seen either before it began or after it committed,
    // never between its tables and its application id.
    private async Task<long> IdentityAsync(CancellationToken cancellationToken)
    {
        using var transaction = _writer.BeginTransaction(deferred: true);
        var version = await StoreVersionAsync(_writer, Path, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return version;
    }

    // In a read transaction: refuses another program's database and a newer schema, and returns the schema version (0 for a new file).
    private static async Task<long> StoreVersionAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        var objects = await ScalarAsync<long>(connection, "SELECT count(*) FROM sqlite_schema", cancellationToken).ConfigureAwait(false);
        var applicationId = await ScalarAsync<long>(connection, "PRAGMA application_id", cancellationToken).ConfigureAwait(false);
        var version = await ScalarAsync<long>(connection, "PRAGMA user_version", cancellationToken).ConfigureAwait(false);
        if (applicationId != StoreSchema.ApplicationId && (applicationId != 0 || objects > 0))
        {
            throw StoreErrors.NotADatabase(path, "is the SQLite database of another program, not a store of balances");
        }

        return version > StoreSchema.CurrentVersion ? throw StoreErrors.NewerSchema(path, version)
            : version < 0 ? throw StoreErrors.Damaged(path, $"its schema version, {version}, is none that balances writes")
            : version;
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // Another process may be migrating the same new file: the write transaction serialises them, and the second finds it done.
        using var transaction = _writer.BeginTransaction(deferred: false);
        var version = await ScalarAsync<long>(_writer, "PRAGMA user_version", cancellationToken).ConfigureAwait(false);
        foreach (var (next, sql) in StoreSchema.From((int)version))
        {
            await ExecuteAsync(_writer, sql, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                _writer,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"PRAGMA application_id = {StoreSchema.ApplicationId}; PRAGMA user_version = {next}"),
                cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
    }

    // Per connection: how long to wait for another writer, and when a commit is durable (see docs/history.md).
    private async Task ConfigureAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            connection,
            string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(long)_options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL"),
            cancellationToken).ConfigureAwait(false);

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ConfigureAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private BalanceStoreException Translate(SqliteException exception) => StoreErrors.From(Path, exception, _options.BusyTimeout);

    // Called before every read of a store opened to write, and by every write once it holds the write lock.
    private void ThrowIfFileLost()
    {
        if (IsFileLost)
        {
            throw StoreErrors.Lost(Path, deleted: !File.Exists(Path));
        }
    }

    // Takes the write lock for a write on the file this store opened; the caller releases it, in a finally.
    private async Task WaitToWriteAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfFileLost();
            ObjectDisposedException.ThrowIf(_disposed, this);
        }
        catch
        {
            _writeLock.Release();
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T?> ScalarAsync<T>(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }
}
