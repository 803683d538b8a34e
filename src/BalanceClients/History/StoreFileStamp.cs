namespace BalanceClients.History;

/// <summary>
/// The size and modification time of a store's file, taken before a read that SQLite makes of the file alone (as immutable, without
/// its locks) and compared after it: if another process wrote the file meanwhile, what was read may be inconsistent.
/// </summary>
/// <param name="Length">The file's size in bytes.</param>
/// <param name="LastWriteUtc">When the file was last written.</param>
internal readonly record struct StoreFileStamp(long Length, DateTime LastWriteUtc)
{
    /// <summary>
    /// How a store opened read-only reads its file now, creating, changing and removing no file. SQLite reads a database in WAL mode
    /// through its write-ahead log (<c>-wal</c>) and the log's shared-memory index (<c>-shm</c>); a read-only connection creates both
    /// where they are missing and the folder allows, leaves them behind, and owns them, so that another user's writer could not use
    /// them. Where both exist (a writer has the file open, or died), or a rollback journal does, SQLite reads it as usual. Where the
    /// log is missing or empty, the file alone holds every committed reading, and is read as immutable.
    /// </summary>
    /// <param name="path">The store's full path.</param>
    /// <returns><see langword="null"/> to read through SQLite's log, or the stamp of a file to read as immutable.</returns>
    /// <exception cref="BalanceStoreException">The log holds changes but its index is missing, and would have to be created.</exception>
    public static StoreFileStamp? ForReadOnlyRead(string path)
    {
        // Taken first: a writer that comes after it and writes the file (a checkpoint) changes the stamp.
        var stamp = Of(path) ?? throw StoreErrors.NotFound(path);
        var log = new FileInfo(path + "-wal");
        if ((log.Exists && File.Exists(path + "-shm")) || File.Exists(path + "-journal"))
        {
            return null;
        }

        return log.Exists && log.Length > 0
            ? throw StoreErrors.Unreadable(
                path, $"its write-ahead log {log.FullName} holds changes, and the index SQLite reads them with, {path}-shm, is missing")
            : stamp;
    }

    /// <summary>The file's stamp now.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The stamp, or <see langword="null"/> if the file is gone.</returns>
    public static StoreFileStamp? Of(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? new StoreFileStamp(file.Length, file.LastWriteTimeUtc) : null;
    }
}
