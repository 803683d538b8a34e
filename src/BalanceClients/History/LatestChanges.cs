namespace BalanceClients.History;

/// <summary>
/// What a read of the store's <c>latest</c> table gives a follower: the rows changed since its last read, or every row, and where
/// the next read starts.
/// </summary>
/// <param name="Rows">The rows read, in no particular order. A row may come again in a later read, unchanged.</param>
/// <param name="Cursor">Where the next read starts (<see cref="IStoreEngine.ReadLatestAsync"/>); <see langword="null"/> where the
/// store cannot say what changed (a store older than the change numbers, read-only): the next read reads every row again.</param>
/// <param name="IsWhole">Whether every row of the table was read (a first read, or one whose cursor the store no longer knows: a
/// store replaced by another), so that an account not among them has no latest reading any more.</param>
internal sealed record LatestChanges(IReadOnlyList<LatestRow> Rows, long? Cursor, bool IsWhole);
