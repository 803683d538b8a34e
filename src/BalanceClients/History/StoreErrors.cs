using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <summary>Turns SQLite's failures into one-line <see cref="BalanceStoreException"/>s that name the file.</summary>
internal static class StoreErrors
{
    // SQLite's primary result codes (https://sqlite.org/rescode.html).
    private const int Perm = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    internal const int ReadOnlyCode = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    internal const int CantOpen = 14;
    private const int Auth = 23;
    private const int NotADatabaseCode = 26;

    public static BalanceStoreException From(string path, SqliteException exception, TimeSpan busyTimeout) =>
        exception.SqliteErrorCode switch
        {
            Busy or Locked => new(path, BalanceStoreErrorKind.Busy,
                $"{path} is busy: another writer held it for longer than {busyTimeout.TotalSeconds:0.###} s.", exception),
            ReadOnlyCode => ReadOnly(path, "this user may not write it", exception),
            Corrupt => new(path, BalanceStoreErrorKind.Damaged, $"{path} is damaged: SQLite reports a corrupt database.", exception),
            NotADatabaseCode => NotADatabase(path, "is not a SQLite database", exception),
            CantOpen or Perm or Auth => Unreadable(path, "SQLite cannot open it (this user may not read it, or its folder)", exception),
            Full => new(path, BalanceStoreErrorKind.Failed, $"{path} cannot grow: the disk is full.", exception),
            IoError => new(path, BalanceStoreErrorKind.Failed, $"{path} could not be read or written: an input/output error.", exception),
            _ => new(path, BalanceStoreErrorKind.Failed, $"{path}: SQLite failed with error {exception.SqliteErrorCode}.", exception),
        };

    public static BalanceStoreException NotADatabase(string path, string what, Exception? inner = null) =>
        new(path, BalanceStoreErrorKind.NotADatabase, $"{path} {what}; it was left as it is.", inner);

    public static BalanceStoreException ReadOnly(string path, string why, Exception? inner = null) =>
        new(path, BalanceStoreErrorKind.ReadOnly, $"{path} cannot be written: {why}.", inner);

    public static BalanceStoreException Unreadable(string path, string why, Exception? inner = null) =>
        new(path, BalanceStoreErrorKind.Unreadable, $"{path} cannot be read: {why}.", inner);

    public static BalanceStoreException NewerSchema(string path, long version) =>
        new(path, BalanceStoreErrorKind.NewerSchema,
            $"{path} was written by a newer version of balances (schema {version}; this one knows up to {StoreSchema.CurrentVersion});"
            + " it was left as it is.");

    public static BalanceStoreException NotFound(string path) =>
        new(path, BalanceStoreErrorKind.NotFound, $"{path} does not exist; it was not created (a store opened read-only never is).");

    public static BalanceStoreException Changed(string path) =>
        new(path, BalanceStoreErrorKind.Busy, $"{path} was written by another process while it was read; read it again.");

    public static BalanceStoreException Damaged(string path, string what, Exception? inner = null) =>
        new(path, BalanceStoreErrorKind.Damaged, $"{path} is damaged: {what}.", inner);
}
