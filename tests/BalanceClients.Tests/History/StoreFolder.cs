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
            foreach (var entry in root.EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(root))
            {
                var search = entry is DirectoryInfo ? UnixFileMode.UserExecute : UnixFileMode.None;
                entry.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | search;
            }
        }

        Directory.Delete(Path, recursive: true);
    }
}
