using System.Data;
using Npgsql;

namespace BalanceClients.History;

/// <summary>
/// A store of readings in a PostgreSQL database, shared by any number of processes (the replicas of <c>balances serve</c>, and
/// <c>balances check --record</c> or <c>history</c> beside them). Each write is one transaction on a pooled connection; each read one
/// repeatable-read snapshot. A transaction committed is the server's: a writer killed afterwards loses nothing of it.
/// </summary>
internal sealed partial class PostgreSqlStore : IStoreEngine
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlLocation _location;
    private readonly BalanceStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private bool _disposed;

    private PostgreSqlStore(
        NpgsqlDataSource dataSource, PostgreSqlLocation location, BalanceStoreOptions options, TimeProvider timeProvider, bool readOnly)
    {
        _dataSource = dataSource;
        _location = location;
        _options = options;
        _timeProvider = timeProvider;
        IsReadOnly = readOnly;
    }

    /// <inheritdoc />
    public string Path => _location.Display;

    /// <inheritdoc />
    public bool IsReadOnly { get; }

    /// <inheritdoc />
    public bool IsFileLost => false;

    /// <summary>
    /// Opens the store in a database: to write, it creates or migrates the tables (one process at a time) and applies the retention;
    /// read-only, it only checks that the database holds a store of a schema this version knows.
    /// </summary>
    /// <param name="location">The database.</param>
    /// <param name="options">How readings are kept, checked.</param>
    /// <param name="timeProvider">The clock of the retention and the runway.</param>
    /// <param name="readOnly">Whether only to read.</param>
    /// <param name="cancellationToken">Stops the opening.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="BalanceStoreException">The database cannot be reached, holds a newer schema, or (read-only) no store.</exception>
    public static async Task<PostgreSqlStore> OpenAsync(
        PostgreSqlLocation location,
        BalanceStoreOptions options,
        TimeProvider timeProvider,
        bool readOnly,
        CancellationToken cancellationToken)
    {
        var store = new PostgreSqlStore(DataSource(location), location, options, timeProvider, readOnly);
        try
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A data source on the store's database, as the store and the leader's election connect to it.</summary>
    /// <param name="location">The database.</param>
    /// <returns>The data source; the caller disposes it.</returns>
    internal static NpgsqlDataSource DataSource(PostgreSqlLocation location)
    {
        var settings = new NpgsqlConnectionStringBuilder(location.Settings.ConnectionString);
        settings.ApplicationName ??= "balances";
        // The slim builder keeps Native AOT clean: only the types the store uses, and TLS for sslmode=require and above.
        return new NpgsqlSlimDataSourceBuilder(settings.ConnectionString).EnableTransportSecurity().Build();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _dataSource.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task CloseWhenIdleAsync() => DisposeAsync().AsTask();

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var version = await RunAsync(VersionAsync, cancellationToken).ConfigureAwait(false);
        if (version > PostgreSqlSchema.CurrentVersion)
        {
            throw StoreErrors.NewerSchema(Path, version, PostgreSqlSchema.CurrentVersion);
        }

        if (IsReadOnly)
        {
            if (version == 0)
            {
                throw new BalanceStoreException(
                    Path,
                    BalanceStoreErrorKind.NotFound,
                    $"{Path} holds no store of balances; none was created (a store opened read-only never is).");
            }

            return;
        }

        if (version < PostgreSqlSchema.CurrentVersion)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_options.ApplyRetentionOnOpen)
        {
            await ApplyRetentionAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Under the migration lock, for the transaction: a second replica starting at once waits, then finds the schema up to date.
    private Task<int> MigrateAsync(CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                var lockSql = PostgreSqlSchema.Lock("pg_advisory_xact_lock", PostgreSqlSchema.MigrationLock);
                await ExecuteAsync(connection, transaction, lockSql, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, PostgreSqlSchema.MetaTable, cancellationToken).ConfigureAwait(false);
                var version = await VersionAsync(connection, cancellationToken).ConfigureAwait(false);
                if (version > PostgreSqlSchema.CurrentVersion)
                {
                    throw StoreErrors.NewerSchema(Path, version, PostgreSqlSchema.CurrentVersion);
                }

                foreach (var (next, sql) in PostgreSqlSchema.From((int)version))
                {
                    await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
                    using var mark = new NpgsqlCommand(
                        "INSERT INTO balances_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        connection,
                        transaction);
                    mark.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PostgreSqlSchema.VersionKey });
                    mark.Parameters.Add(new NpgsqlParameter<long> { TypedValue = next });
                    await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return 0;
            },
            cancellationToken);

    // The schema version: 0 where the database holds no store yet.
    private static async Task<long> VersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            "SELECT CASE WHEN to_regclass('balances_meta') IS NULL THEN NULL ELSE 0 END",
            connection);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null or DBNull)
        {
            return 0;
        }

        using var read = new NpgsqlCommand("SELECT value FROM balances_meta WHERE key = $1", connection);
        read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PostgreSqlSchema.VersionKey });
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    // Runs work on a connection of the pool; the database's and the driver's failures become BalanceStoreExceptions.
    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await work(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested || exception is PostgresException)
        {
            throw PostgreSqlErrors.From(_location, exception);
        }
    }

    // One transaction (read committed) that commits when the work returns, and rolls back when it throws.
    private Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(
            async (connection, token) =>
            {
                var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, token).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(connection, transaction).ConfigureAwait(false);
                    token.ThrowIfCancellationRequested();
                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    return result;
                }
            },
            cancellationToken);

    // One snapshot of the whole database for a read of several statements.
    private Task<T> InSnapshotAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> read, CancellationToken cancellationToken) =>
        RunAsync(
            async (connection, token) =>
            {
                var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, token).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    return await read(connection, transaction).ConfigureAwait(false);
                }
            },
            cancellationToken);

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void ThrowIfReadOnly()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"{Path} was opened read-only (BalanceStore.OpenReadOnlyAsync); it cannot be written.");
        }
    }
}
