using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <summary>
/// One read of a store: its own connection in one read transaction (one consistent snapshot of the file), the schema version the file
/// had then, and, for a file read as immutable, whether another process wrote it meanwhile.
/// </summary>
internal sealed class StoreSnapshot : IAsyncDisposable
{
    private readonly SqliteTransaction _transaction;
    private readonly string _path;
    private readonly StoreFileStamp? _stamp;

    /// <summary>Begins the read transaction on an open connection, which the snapshot then owns.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="path">The store's file.</param>
    /// <param name="stamp">The file's stamp before it was opened as immutable; <see langword="null"/> where SQLite's locks guard the
    /// read.</param>
    public StoreSnapshot(SqliteConnection connection, string path, StoreFileStamp? stamp)
    {
        Connection = connection;
        _transaction = connection.BeginTransaction(deferred: true);
        _path = path;
        _stamp = stamp;
    }

    /// <summary>The connection, in the read transaction.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>The schema version of the file as this snapshot sees it.</summary>
    public long Version { get; set; } = StoreSchema.CurrentVersion;

    /// <summary>
    /// Whether the file is read as immutable and another process has written it since: what was read may be inconsistent.
    /// </summary>
    public bool Changed => _stamp is { } stamp && StoreFileStamp.Of(_path) != stamp;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
