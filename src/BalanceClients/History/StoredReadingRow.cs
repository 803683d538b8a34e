using System.Data.Common;

namespace BalanceClients.History;

/// <summary>
/// A reading from a row of the queries that read readings back, in either engine: its series' provider, account, kind and
/// currency, then its time (Unix milliseconds) and its amount.
/// </summary>
internal static class StoredReadingRow
{
    /// <summary>The reading of the reader's current row.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="amount">The amount (column 5), as the engine reads it.</param>
    /// <returns>The reading.</returns>
    public static StoredReading Read(DbDataReader reader, decimal? amount) =>
        new(
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            amount);
}
