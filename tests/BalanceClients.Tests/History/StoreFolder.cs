using BalanceClients.History;
using Microsoft.Data.Sqlite;

namespace BalanceClients.Tests.History;

/// <summary>A temporary folder for a test's store files, deleted (with whatever a test made read-only) on dispose.</summary>
internal sealed class StoreFolder : IDisposable
{
    public StoreFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"balances-store-test-{Guid.NewGuid():N}");

    /// <summary>The store file of this folder: <c>balances.db</c>, or another name.</summary>
    public string File(string name = "balances.db") => System.IO.Path.Combine(Path, name);

    /// <summary>The store file of this folder, holding one Telnyx result of account eu (balance and available credit).</summary>
    public async Task<string> StoreWithAReadingAsync()
    {
        await using var store = await BalanceStore.OpenAsync(File());
        await store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 1m));
        return store.Path;
    }

    /// <summary>
    /// The store file of this folder as a version that knew up to schema <paramref name="version"/> left it, holding what
    /// <paramref name="sql"/> inserts.
    /// </summary>
    public string FileOfVersion(int version, string sql)
    {
        var file = File();
        var schema = string.Join(";", StoreSchema.From(0).Take(version).Select(migration => migration.Sql));
        Scalar(file, schema + $"; PRAGMA application_id = {StoreSchema.ApplicationId}; PRAGMA user_version = {version}; " + sql);
        return file;
    }

    /// <summary>
    /// A backup taken as <c>cp live.db* ...</c> while a writer had a store open, as <see cref="File"/>: the file, its write-ahead log
    /// with two Telnyx results (four readings) that are not in the file yet, and, or not, the log's shared-memory index.
    /// </summary>
    public async Task<string> CopyOfALiveStoreAsync(bool withIndex)
    {
        var live = File("live.db");
        var copy = File();
        await using (var writer = await BalanceStore.OpenAsync(live, new BalanceStoreOptions { RawRetention = null }))
        {
            var step = TimeSpan.FromMinutes(5);
            await writer.RecordManyAsync([Readings.Telnyx("eu", Readings.Start, 100m), Readings.Telnyx("eu", Readings.Start + step, 99m)]);
            foreach (var suffix in withIndex ? new[] { string.Empty, "-wal", "-shm" } : [string.Empty, "-wal"])
            {
                System.IO.File.Copy(live + suffix, copy + suffix);
            }
        }

        Assert.True(new FileInfo(copy + "-wal").Length > 0);
        return copy;
    }

    /// <summary>Takes the write permission off the folder and every file in it, for everyone.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void MakeReadOnly()
    {
        const UnixFileMode read = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        foreach (var file in Directory.GetFiles(Path))
        {
            System.IO.File.SetUnixFileMode(file, read);
        }

        System.IO.File.SetUnixFileMode(Path, read | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }

    /// <summary>
    /// The name and SHA-256 of every file in the folder (a symbolic link's target instead), in order: what a test compares before and
    /// after.
    /// </summary>
    public List<(string Name, string Sha256)> Hashes() =>
        [.. Directory.GetFiles(Path).Order(StringComparer.Ordinal)
            .Select(path => (
                System.IO.Path.GetFileName(path),
                new FileInfo(path).LinkTarget is { } target
                    ? "-> " + target
                    : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.IO.File.ReadAllBytes(path)))))];

    /// <summary>
    /// Writes a store of schema version 1, in WAL mode, as the version that knew only it left it: one reading of Telnyx's account eu,
    /// 12.50 USD of available credit at <see cref="Readings.Start"/>.
    /// </summary>
    public static void CreateVersion1(string file)
    {
        var (_, version1) = StoreSchema.From(0).First();
        using var connection = Connect(file);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; " + version1
            + $"; PRAGMA application_id = {StoreSchema.ApplicationId}; PRAGMA user_version = 1;"
            + "INSERT INTO series VALUES (1, 'telnyx', 'eu', 'available_credit', 'USD');"
            + $"INSERT INTO readings VALUES (1, {Readings.Start.ToUnixTimeMilliseconds()}, '12.50')";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Where the last row of the series table starts in the file (no write-ahead log beside it), to damage it as a failing disk or
    /// a careless edit would. The row is a cell of a leaf page: its payload's length and its rowid (one byte each for a short row),
    /// then the record: its header's length, then one serial type per column (id, provider, account, kind, currency), then the values.
    /// </summary>
    public static long LastSeriesRow(string file)
    {
        var root = (long)Scalar(file, "SELECT rootpage FROM sqlite_schema WHERE name = 'series'")!;
        var pageSize = (long)Scalar(file, "PRAGMA page_size")!;
        var page = new byte[pageSize];
        using (var stream = System.IO.File.OpenRead(file))
        {
            stream.Position = (root - 1) * pageSize;
            stream.ReadExactly(page);
        }

        var header = root == 1 ? 100 : 0;
        Assert.Equal(0x0D, page[header]);
        var cells = (page[header + 3] << 8) | page[header + 4];
        var pointer = header + 8 + (2 * (cells - 1));
        return ((root - 1) * pageSize) + ((page[pointer] << 8) | page[pointer + 1]);
    }

    /// <summary>Writes one byte of the file in place.</summary>
    public static void WriteByte(string file, long offset, byte value)
    {
        using var stream = System.IO.File.OpenWrite(file);
        stream.Position = offset;
        stream.WriteByte(value);
    }

    /// <summary>Runs SQL on the file through a plain connection (not the store), and returns the first value.</summary>
    public static object? Scalar(string file, string sql)
    {
        using var connection = Connect(file);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Runs SQL on the file through a plain connection, and returns one column of every row, as text.</summary>
    public static List<string?> Column(string file, string sql, int ordinal)
    {
        using var connection = Connect(file);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal));
        }

        return values;
    }

    /// <summary>A plain, open connection to the file (not the store's), unpooled so that nothing holds the file afterwards.</summary>
    public static SqliteConnection Connect(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        // Whatever a test made read-only or unreadable is made writable again, so that the folder can go.
        if (!OperatingSystem.IsWindows())
        {
            var root = new DirectoryInfo(Path);
            foreach (var entry in root.EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(root)
                .Where(entry => entry.LinkTarget is null))
            {
                var search = entry is DirectoryInfo ? UnixFileMode.UserExecute : UnixFileMode.None;
                entry.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | search;
            }
        }

        Directory.Delete(Path, recursive: true);
    }
}
