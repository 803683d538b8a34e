using System.Text;
using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <content>Opening a store only to read it, and the snapshot each read is made in.</content>
public sealed partial class BalanceStore
{
    // How many times a read of a file read as immutable is made when another process writes the file meanwhile.
    private const int ReadAttempts = 3;

    // The schema versions that brought the tables reads need: a store opened read-only reads an older file as it is.
    private const int ReadingsSchema = 1;

    /// <summary>The schema version that brought the <c>notified</c> table of the webhook notifier.</summary>
    internal const int NotifiedSchema = 2;

    /// <summary>The schema version that brought the <c>notified</c> table's runway levels.</summary>
    internal const int RunwayLevelSchema = 3;

    /// <summary>
    /// Whether the store was opened by <see cref="OpenReadOnlyAsync"/>: its write methods then throw
    /// <see cref="InvalidOperationException"/>.
    /// </summary>
    public bool IsReadOnly { get; private init; }

    /// <summary>
    /// Opens an existing store only to read it (<see cref="ReadAsync"/>, the runways, the notified levels), writing nothing: it never
    /// creates the file or its folder, never migrates the schema (an older one is read as it is), never applies the retention, and
    /// creates, changes or removes no file beside it, not even SQLite's write-ahead log or its index. So it reads a file or folder that
    /// may not be written: a backup, or another user's store.
    /// </summary>
    /// <remarks>
    /// Each read sees the file as it is then, in one consistent snapshot, with what writers have recorded since the opening. Where a
    /// writer has the file open (its write-ahead log and the log's index, <c>-wal</c> and <c>-shm</c>, are beside it), SQLite reads it
    /// through the log. Where there is no log, the file alone holds every reading and is read as immutable, without SQLite's locks;
    /// if another process writes the file during such a read, the runways and the notified levels are read again, up to three times,
    /// and <see cref="ReadAsync"/> throws <see cref="BalanceStoreException"/> of kind <see cref="BalanceStoreErrorKind.Busy"/> once
    /// its readings are out. The write methods throw <see cref="InvalidOperationException"/>.
    /// </remarks>
    /// <param name="path">The file.</param>
    /// <param name="options">Only <see cref="BalanceStoreOptions.BusyTimeout"/> applies, as nothing is written; <see langword="null"/>
    /// for the defaults.</param>
    /// <param name="timeProvider">The clock of the runway; <see langword="null"/> for the system clock.</param>
    /// <param name="cancellationToken">Stops the opening.</param>
    /// <returns>The open store, read-only.</returns>
    /// <exception cref="BalanceStoreException">The file or its folder does not exist (<see cref="BalanceStoreErrorKind.NotFound"/>); it
    /// is not a SQLite database (or another program's), or was written by a newer version; it cannot be read, or its write-ahead log
    /// holds changes but the log's index is missing (<see cref="BalanceStoreErrorKind.Unreadable"/>); or it is damaged.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static async Task<BalanceStore> OpenReadOnlyAsync(
        string path,
        BalanceStoreOptions? options = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        (options, var fullPath) = Checked(path, options);
        StoreFile.CheckReadable(fullPath);

        var connectionString = ConnectionString(fullPath, SqliteOpenMode.ReadOnly, options.BusyTimeout);
        var store = new BalanceStore(
            fullPath, connectionString, new SqliteConnection(connectionString), options, timeProvider ?? TimeProvider.System)
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
    internal async Task<T> ReadingAsync<T>(
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
