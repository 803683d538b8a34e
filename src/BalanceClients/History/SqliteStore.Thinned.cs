using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <content>Reading the history thinned to one reading per series and span, in the query.</content>
internal sealed partial class SqliteStore
{
    // Of each series, its last reading with an amount in the range, then, again and again, the last one before the span of the one
    // found: one search of the (series, time) key per reading given, however many readings each span holds. Times are never before
    // 1970 (StoredReadingRules), so "time - time % resolution" is the start of a time's span.
    private const string ThinnedQuery = """
        WITH RECURSIVE thinned (series, time) AS (
            SELECT s.id, (SELECT r.time FROM readings AS r
                          WHERE r.series = s.id AND r.time >= $since AND r.time < $until AND r.amount IS NOT NULL
                          ORDER BY r.time DESC LIMIT 1)
            FROM series AS s {filter}
            UNION ALL
            SELECT t.series, (SELECT r.time FROM readings AS r
                              WHERE r.series = t.series AND r.time >= $since AND r.time < t.time - t.time % $resolution
                                AND r.amount IS NOT NULL
                              ORDER BY r.time DESC LIMIT 1)
            FROM thinned AS t WHERE t.time IS NOT NULL
        )
        SELECT s.provider, s.account, s.kind, s.currency, r.time, r.amount
        FROM thinned AS t JOIN series AS s ON s.id = t.series JOIN readings AS r ON r.series = t.series AND r.time = t.time
        ORDER BY r.time, s.provider COLLATE BINARY, s.account COLLATE BINARY, s.kind, s.currency
        """;

    /// <inheritdoc />
    public IAsyncEnumerable<StoredReading> ReadThinnedAsync(
        string? provider, string? account, ThinnedRange range, CancellationToken cancellationToken) =>
        StreamAsync((connection, token) => ThinnedAsync(connection, provider, account, range, token), cancellationToken);

    private static async IAsyncEnumerable<StoredReading> ThinnedAsync(
        SqliteConnection connection,
        string? provider,
        string? account,
        ThinnedRange range,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = ThinnedQuery.Replace("{filter}", SeriesFilter(command, provider, account), StringComparison.Ordinal);
        command.Parameters.AddWithValue("$since", range.Since);
        command.Parameters.AddWithValue("$until", range.Until);
        command.Parameters.AddWithValue("$resolution", range.Resolution);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return StoredReadingRow.Read(reader, AmountOf(reader, 5));
        }
    }
}
