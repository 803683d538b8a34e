using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <summary>Turns SQLite's failures into one-line <see cref="BalanceStoreException"/>s that name the file.</summary>
internal static class StoreErrors
{
    // SQLite's primary result codes (https://sqlite.org/rescode.html).
    private const int Error = 1;
    private const int Perm = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    internal const int ReadOnlyCode = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    internal const int CantOpen = 14;
    private const int Constraint = 19;
    private const int Auth = 23;
    private const int NotADatabaseCode = 26;

    public static BalanceStoreException From(string path, SqliteException exception, TimeSpan busyTimeout) =>
        exception.SqliteErrorCode switch
        {
            Busy or Locked => new(path, BalanceStoreErrorKind.Busy,
                $"{path} is busy: another writer held it for longer than {busyTimeout.TotalSeconds:0.###} s.", exception),
            ReadOnlyCode => ReadOnly(path, "this user may not write it", exception),
            Corrupt => new(path, BalanceStoreErrorKind.Damaged, $"{path} is damaged: SQLite reports a corrupt database.", exception),
            // The store's statements never break a constraint (every insert says what to do on a conflict, and binds every value),
            // nor name a table or column its schema version lacks: only a damaged file makes SQLite say so (an index that has a
            // row its table lacks fails a foreign key, say).
            Constraint => Damaged(path, "its tables and their indexes disagree (SQLite reports a broken constraint)", exception),
            Error => Damaged(path, $"its tables are not those of its schema version ({OneLine(exception.Message)})", exception),
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

    public static BalanceStoreException NewerSchema(string path, long version, int? known = null) =>
        new(path, BalanceStoreErrorKind.NewerSchema,
            $"{path} was written by a newer version of balances (schema {version}; this one knows up to "
            + $"{known ?? StoreSchema.CurrentVersion}); it was left as it is.");

    public static BalanceStoreException NotFound(string path) =>
        new(path, BalanceStoreErrorKind.NotFound, $"{path} does not exist; it was not created (a store opened read-only never is).");

    public static BalanceStoreException Changed(string path) =>
        new(path, BalanceStoreErrorKind.Busy, $"{path} was written by another process while it was read; read it again.");

    public static BalanceStoreException Damaged(string path, string what, Exception? inner = null) =>
        new(path, BalanceStoreErrorKind.Damaged, $"{path} is damaged: {what}.", inner);

    /// <summary>
    /// What a failure to read a recorded value means, when the file holds one its schema forbids: text where an amount belongs, or a
    /// null where a name does.
    /// </summary>
    /// <param name="path">The store's file.</param>
    /// <param name="exception">What reading the value threw.</param>
    /// <returns>The store's exception, or <see langword="null"/> when the failure is not about a value.</returns>
    public static BalanceStoreException? DamagedValue(string path, Exception exception) => exception switch
    {
        FormatException => Damaged(path, "it holds an amount that is not a decimal number", exception),
        InvalidCastException or InvalidOperationException and not ObjectDisposedException =>
            Damaged(path, "it holds an empty or mistyped value where a reading needs one", exception),
        _ => null,
    };

    // Not NotFound: a link is there, and whoever made it meant a store to be where it leads (a volume that is not mounted, say).
    public static BalanceStoreException BrokenLink(string path, string what, Exception? inner = null) =>
        new(path, BalanceStoreErrorKind.Unreadable, $"{path} {what}; it was left as it is.", inner);

    public static BalanceStoreException Lost(string path, bool deleted) => deleted
        ? new(path, BalanceStoreErrorKind.NotFound,
            $"{path} was deleted while it was open; what is written now would be lost: open the store again.")
        : new(path, BalanceStoreErrorKind.Failed,
            $"{path} was replaced by another file while it was open; what is written now would be lost: open the store again.");

    // SQLite's own text (a table's name, say) is one line; a line break in it would still not reach the store's one-line message.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
