using Npgsql;

namespace BalanceClients.History;

/// <content>Reading the history thinned to one reading per series and span, in the query.</content>
internal sealed partial class PostgreSqlStore
{
    // As SQLite's: of each series, its last reading with an amount in the range, then, again and again, the last one before the span
    // of the one found: one search of the (series, time) key per reading given. Times are never before 1970, so
    // "time - time % resolution" is the start of a time's span.
    private const string ThinnedQuery = """
        WITH RECURSIVE thinned (series, time, amount) AS (
            SELECT s.id, r.time, r.amount FROM balances_series AS s
            CROSS JOIN LATERAL (SELECT time, amount FROM balances_readings
                                WHERE series = s.id AND time >= $1 AND time < $2 AND amount IS NOT NULL
                                ORDER BY time DESC LIMIT 1) AS r
            WHERE TRUE {filter}
            UNION ALL
            SELECT t.series, r.time, r.amount FROM thinned AS t
            CROSS JOIN LATERAL (SELECT time, amount FROM balances_readings
                                WHERE series = t.series AND time >= $1 AND time < t.time - t.time % $3 AND amount IS NOT NULL
                                ORDER BY time DESC LIMIT 1) AS r
        )
        SELECT s.provider, s.account, s.kind, s.currency, t.time, t.amount
        FROM thinned AS t JOIN balances_series AS s ON s.id = t.series
        ORDER BY t.time, {order}
        """;

    /// <inheritdoc />
    public IAsyncEnumerable<StoredReading> ReadThinnedAsync(
        string? provider, string? account, ThinnedRange range, CancellationToken cancellationToken) =>
        StreamAsync(
            ThinnedQuery
                .Replace("{filter}", Filters(provider, account, 4), StringComparison.Ordinal)
                .Replace("{order}", SeriesOrder, StringComparison.Ordinal),
            command =>
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = range.Since });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = range.Until });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = range.Resolution });
                AddFilters(command, provider, account);
            },
            cancellationToken);
}
