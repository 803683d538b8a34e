using Npgsql;
using NpgsqlTypes;

namespace BalanceClients.History;

/// <content>Writing readings, each batch in one transaction.</content>
internal sealed partial class PostgreSqlStore
{
    private readonly Dictionary<(string Provider, string Account, string Kind, string Currency), long> _seriesIds = [];
    private readonly Lock _seriesLock = new();

    /// <inheritdoc />
    public async Task<int> WriteAsync(IAsyncEnumerable<StoredReading> readings, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        var newSeries = new Dictionary<(string, string, string, string), long>();
        var written = await InTransactionAsync(
            async (connection, transaction) =>
            {
                // Shared with other writers, exclusive of the retention: what it thinned stays known while this write thins too.
                await ExecuteAsync(
                    connection,
                    transaction,
                    PostgreSqlSchema.Lock("pg_advisory_xact_lock_shared", PostgreSqlSchema.RetentionLock),
                    cancellationToken).ConfigureAwait(false);
                using var insert = new NpgsqlCommand(
                    "INSERT INTO balances_readings (series, time, amount) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    connection,
                    transaction);
                var series = new NpgsqlParameter<long>();
                var time = new NpgsqlParameter<long>();
                var amount = new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Numeric };
                insert.Parameters.Add(series);
                insert.Parameters.Add(time);
                insert.Parameters.Add(amount);
                var (added, index, oldest) = (0, 0, long.MaxValue);
                await foreach (var reading in readings.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    if (StoredReadingRules.Problem(reading, ++index) is { } invalid)
                    {
                        throw new ArgumentException(invalid, nameof(readings));
                    }

                    var milliseconds = reading.Time.ToUnixTimeMilliseconds();
                    series.TypedValue = await SeriesIdAsync(connection, transaction, reading, newSeries, cancellationToken)
                        .ConfigureAwait(false);
                    time.TypedValue = milliseconds;
                    amount.Value = reading.Amount is { } value ? value : DBNull.Value;
                    added += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    oldest = Math.Min(oldest, milliseconds);
                }

                if (added > 0 && _options.RawRetention is not null)
                {
                    var thinnedUntil = await ThinnedUntilAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                    if (oldest < thinnedUntil)
                    {
                        await ThinAsync(connection, transaction, oldest, thinnedUntil, cancellationToken).ConfigureAwait(false);
                    }
                }

                return added;
            },
            cancellationToken).ConfigureAwait(false);
        lock (_seriesLock)
        {
            foreach (var (key, id) in newSeries)
            {
                _seriesIds[key] = id;
            }
        }

        return written;
    }

    // The series' id, from the cache or the table; ids made in this transaction join the cache only once it commits. Two statements:
    // the second sees a series that another transaction committed while the first waited for it.
    private async Task<long> SeriesIdAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        StoredReading reading,
        Dictionary<(string, string, string, string), long> newSeries,
        CancellationToken cancellationToken)
    {
        var key = (reading.Provider, reading.Account, reading.Kind, reading.Currency);
        lock (_seriesLock)
        {
            if (_seriesIds.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        if (newSeries.TryGetValue(key, out var id))
        {
            return id;
        }

        using (var insert = new NpgsqlCommand(
            "INSERT INTO balances_series (provider, account, kind, currency) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            connection,
            transaction))
        {
            AddSeriesKey(insert, reading);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var select = new NpgsqlCommand(
            "SELECT id FROM balances_series"
            + " WHERE lower(provider) = lower($1) AND lower(account) = lower($2) AND kind = $3 AND currency = $4",
            connection,
            transaction);
        AddSeriesKey(select, reading);
        id = (long)(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        newSeries[key] = id;
        return id;
    }

    private static void AddSeriesKey(NpgsqlCommand command, StoredReading reading)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reading.Provider });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reading.Account });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reading.Kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reading.Currency });
    }
}
