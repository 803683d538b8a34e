using System.Text;
using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <content>Opening a store only to read it, and the snapshot each read is made in.</content>
internal sealed partial class SqliteStore
{
    // How many times a read of a file read as immutable is made when another process writes the file meanwhile.
    private const int ReadAttempts = 3;

    // The schema versions that brought the tables reads need: a store opened read-only reads an older file as it is.
    private const int ReadingsSchema = 1;

    // The schema version that brought the notified table of the webhook notifier, and the one that brought its runway levels.
    private const int NotifiedSchema = 2;
    private const int RunwayLevelSchema = 3;

    // The schema version that brought the table of each account's latest reading, whole, and the one that numbered its changes.
    private const int LatestSchema = 5;
    private const int LatestChangeSchema = 6;

    /// <inheritdoc />
    public bool IsReadOnly { get; private init; }

    /// <summary>
    /// Opens an existing file only to read it, writing nothing, not even beside it (<see cref="BalanceStore.OpenReadOnlyAsync"/>).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Only <see cref="BalanceStoreOptions.BusyTimeout"/> applies; checked.</param>
    /// <param name="timeProvider">The clock of the runway.</param>
    /// <param name="cancellationToken">Stops the opening.</param>
    /// <returns>The open store, read-only.</returns>
    public static async Task<SqliteStore> OpenReadOnlyAsync(
        string path,
        BalanceStoreOptions options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        StoreFile.CheckReadable(fullPath);

        var connectionString = ConnectionString(fullPath, SqliteOpenMode.ReadOnly, options.BusyTimeout);
        var store = new SqliteStore(
            fullPath, connectionString, new SqliteConnection(connectionString), options, timeProvider)
        {
            IsReadOnly = true,
        };
        try
        {
            // Every snapshot checks the file's identity and schema: one that reads nothing more refuses a file up front.
            await store.ReadingAsync(0, true, (_, _, _) => Task.FromResult(true), cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void ThrowIfReadOnly()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"{Path} was opened read-only (BalanceStore.OpenReadOnlyAsync); it cannot be written.");
        }
    }

    /// <summary>
    /// Runs a read in one snapshot, given the store's now (Unix milliseconds) and the file's schema version; SQLite's failures
    /// become <see cref="BalanceStoreException"/>s. A file older than <paramref name="sinceVersion"/> (read-only) gives
    /// <paramref name="before"/>; a file read as immutable that another process wrote meanwhile is read again.
    /// </summary>
    /// <typeparam name="T">What the read gives.</typeparam>
    /// <param name="sinceVersion">The schema version that brought the tables the read needs.</param>
    /// <param name="before">What a file older than that gives.</param>
    /// <param name="read">The read: the connection, now and the version.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>What the read gives.</returns>
    private async Task<T> ReadingAsync<T>(
        int sinceVersion, T before, Func<SqliteConnection, long, long, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        for (var attempt = 1; ; attempt++)
        {
            StoreSnapshot? snapshot = null;
            try
            {
                snapshot = await OpenSnapshotAsync(cancellationToken).ConfigureAwait(false);
                var result = snapshot.Version < sinceVersion
                    ? before
                    : await read(snapshot.Connection, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), snapshot.Version)
                        .ConfigureAwait(false);
                if (!snapshot.Changed)
                {
                    return result;
                }
            }
            catch (Exception exception) when (snapshot is { Changed: true }
                && (exception is SqliteException || StoreErrors.DamagedValue(Path, exception) is not null))
            {
                // What was read of a file that changed under it may be inconsistent: it is read again.
            }
            catch (SqliteException exception)
            {
                throw Translate(exception);
            }
            catch (Exception exception) when (StoreErrors.DamagedValue(Path, exception) is not null)
            {
                throw StoreErrors.DamagedValue(Path, exception)!;
            }
            finally
            {
                if (snapshot is not null)
                {
                    await snapshot.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (attempt == ReadAttempts)
            {
                throw StoreErrors.Changed(Path);
            }
        }
    }

    // A new connection in a read transaction. Read-only, each read chooses afresh how to read the file (StoreFileStamp): a writer may
    // have come or gone since the last.
    private async Task<StoreSnapshot> OpenSnapshotAsync(CancellationToken cancellationToken)
    {
        if (!IsReadOnly)
        {
            ThrowIfFileLost();
            return new StoreSnapshot(await OpenReaderAsync(cancellationToken).ConfigureAwait(false), Path, stamp: null);
        }

        for (var attempt = 1; ; attempt++)
        {
            var stamp = StoreFileStamp.ForReadOnlyRead(Path);
            var connection = new SqliteConnection(stamp is null ? _connectionString : ImmutableConnectionString());
            StoreSnapshot? snapshot = null;
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await ConfigureAsync(connection, cancellationToken).ConfigureAwait(false);
                snapshot = new StoreSnapshot(connection, Path, stamp);
                snapshot.Version = await StoreVersionAsync(connection, Path, cancellationToken).ConfigureAwait(false);
                return snapshot;
            }
            catch (SqliteException exception)
                when (stamp is null && exception.SqliteErrorCode is StoreErrors.ReadOnlyCode or StoreErrors.CantOpen)
            {
                await DisposeAsync(snapshot, connection).ConfigureAwait(false);
                if (attempt == ReadAttempts)
                {
                    throw StoreErrors.Unreadable(Path, "SQLite could not read its write-ahead log without writing beside it", exception);
                }

                // Most likely, the log and its index went (their last writer closed) between the look and the opening: look again.
            }
            catch
            {
                await DisposeAsync(snapshot, connection).ConfigureAwait(false);
                throw;
            }
        }
    }

    private static async ValueTask DisposeAsync(StoreSnapshot? snapshot, SqliteConnection connection)
    {
        if (snapshot is not null)
        {
            await snapshot.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    // The file alone, read-only, without locks or a look at a write-ahead log: SQLite's URI filename with immutable=1
    // (https://sqlite.org/uri.html). Characters that a URI gives a meaning to are escaped.
    private string ImmutableConnectionString()
    {
        var uri = new StringBuilder("file://");
        if (!Path.StartsWith('/'))
        {
            uri.Append('/');
        }

        foreach (var character in Path)
        {
            _ = character switch
            {
                '%' => uri.Append("%25"),
                '?' => uri.Append("%3F"),
                '#' => uri.Append("%23"),
                '\\' when OperatingSystem.IsWindows() => uri.Append('/'),
                _ => uri.Append(character),
            };
        }

        return ConnectionString(uri.Append("?immutable=1").ToString(), SqliteOpenMode.ReadOnly, _options.BusyTimeout);
    }
}
