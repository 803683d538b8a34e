namespace BalanceClients.History;

/// <summary>
/// What is checked of a store's file and folder before SQLite opens it: only their metadata and a probe file beside it,
/// never a second handle on the database (closing one would drop the POSIX locks SQLite holds on it in this process).
/// </summary>
internal static class StoreFile
{
    private const UnixFileMode AnyRead = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Creates the folder if missing, and refuses a file or folder that cannot be read or written.</summary>
    /// <param name="path">The store's full path.</param>
    /// <exception cref="BalanceStoreException">The folder cannot be created or written, or the file cannot be read or written.</exception>
    public static void Prepare(string path)
    {
        var folder = Path.GetDirectoryName(path) ?? throw StoreErrors.ReadOnly(path, "it has no folder");
        RefuseNotAFile(path);

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw StoreErrors.ReadOnly(path, $"its folder {folder} cannot be created", exception);
        }

        // A mode without read or write permission is honoured even by root, whom the file system would let through.
        if (File.Exists(path) && !OperatingSystem.IsWindows())
        {
            var mode = RefuseUnreadable(path);
            if ((mode & AnyWrite) == UnixFileMode.None)
            {
                throw StoreErrors.ReadOnly(path, "its permissions allow no writing");
            }
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(folder) & AnyWrite) == UnixFileMode.None)
        {
            throw StoreErrors.ReadOnly(path, $"its folder {folder} allows no writing (SQLite keeps its write-ahead log beside the file)");
        }

        ProbeFolder(path, folder);
    }

    /// <summary>
    /// Refuses a path that is missing (or whose folder is), a folder, not a regular file, or a file whose permissions allow no
    /// reading.
    /// </summary>
    /// <param name="path">The store's full path.</param>
    /// <exception cref="BalanceStoreException">The file is missing, a folder, a FIFO or a device, or cannot be read.</exception>
    public static void CheckReadable(string path)
    {
        RefuseNotAFile(path);
        if (!File.Exists(path))
        {
            throw StoreErrors.NotFound(path);
        }

        if (!OperatingSystem.IsWindows())
        {
            RefuseUnreadable(path);
        }
    }

    private static void RefuseNotAFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw StoreErrors.NotADatabase(path, "is a folder, not a SQLite database");
        }

        if (FileType.IsSpecial(path))
        {
            throw StoreErrors.NotADatabase(path, "is not a regular file (a FIFO, a device or a socket), not a SQLite database");
        }

        RefuseBrokenLink(path);
    }

    // A symbolic link to nothing: SQLite would create its target (on a volume that is not mounted, say), or fail without saying why.
    private static void RefuseBrokenLink(string path)
    {
        if (new FileInfo(path).LinkTarget is not { } target)
        {
            return;
        }

        FileSystemInfo? final;
        try
        {
            final = File.ResolveLinkTarget(path, returnFinalTarget: true);
        }
        catch (IOException exception)
        {
            throw StoreErrors.BrokenLink(path, "is a symbolic link that leads back to itself (a loop)", exception);
        }

        if (final is not { Exists: true })
        {
            throw StoreErrors.BrokenLink(path, $"is a symbolic link to {target}, which does not exist");
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static UnixFileMode RefuseUnreadable(string path)
    {
        var mode = File.GetUnixFileMode(path);
        return (mode & AnyRead) == UnixFileMode.None ? throw StoreErrors.Unreadable(path, "its permissions allow no reading") : mode;
    }

    // SQLite creates the write-ahead log and shared-memory files beside the database: the folder must take new files.
    private static void ProbeFolder(string path, string folder)
    {
        var probe = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.probe");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw StoreErrors.ReadOnly(
                path, $"its folder {folder} does not take new files (SQLite keeps its write-ahead log beside the file)", exception);
        }
    }
}
