namespace BalanceClients.History;

/// <summary>Why a store of readings could not be opened or written.</summary>
public enum BalanceStoreErrorKind
{
    /// <summary>The file is not a SQLite database, or is the database of another program.</summary>
    NotADatabase,

    /// <summary>The database was written by a newer version of this library, whose schema this one does not know.</summary>
    NewerSchema,

    /// <summary>The file, or the folder that holds it, cannot be written.</summary>
    ReadOnly,

    /// <summary>The file cannot be read, or it is a symbolic link that leads to no file.</summary>
    Unreadable,

    /// <summary>
    /// SQLite found the database damaged, or the file holds what only damage makes: a broken constraint, a table its schema version
    /// lacks, a null where a reading needs a value.
    /// </summary>
    Damaged,

    /// <summary>
    /// Another writer held the database longer than the busy timeout; or another process wrote a store opened read-only while it was
    /// read without SQLite's locks, so that what was read may be inconsistent (see <see cref="BalanceStore.OpenReadOnlyAsync"/>).
    /// </summary>
    Busy,

    /// <summary>
    /// The disk is full, or another input/output error happened; or the file a store opened to write was replaced by another while
    /// the store had it open.
    /// </summary>
    Failed,

    /// <summary>
    /// The file or its folder does not exist: <see cref="BalanceStore.OpenReadOnlyAsync"/> never creates them. Or the file a store
    /// opened to write was deleted while the store had it open.
    /// </summary>
    NotFound,
}
