using System.Globalization;
using Npgsql;

namespace BalanceClients.History;

/// <content>Retention: raw readings for <see cref="BalanceStoreOptions.RawRetention"/>, then the last of each hour per series.</content>
internal sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public async Task<int> ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        if (_options.RawRetention is not { } retention)
        {
            return 0;
        }

        var cutoff = ThinnedHours.Start((_timeProvider.GetUtcNow() - retention).ToUnixTimeMilliseconds());
        return await InTransactionAsync(
            async (connection, transaction) =>
            {
                // One replica's retention at a time, and none while a write that may thin is under way.
                await ExecuteAsync(
                    connection,
                    transaction,
                    PostgreSqlSchema.Lock("pg_advisory_xact_lock", PostgreSqlSchema.RetentionLock),
                    cancellationToken).ConfigureAwait(false);
                var thinnedUntil = await ThinnedUntilAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                if (cutoff <= thinnedUntil)
                {
                    return 0;
                }

                var removed = await ThinAsync(connection, transaction, thinnedUntil, cutoff, cancellationToken).ConfigureAwait(false);
                using var mark = new NpgsqlCommand(
                    "INSERT INTO balances_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    connection,
                    transaction);
                mark.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StoreSchema.ThinnedUntilKey });
                mark.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cutoff });
                await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return removed;
            },
            cancellationToken).ConfigureAwait(false);
    }

    // Before this time every hour of every series holds one reading at most.
    private static async Task<long> ThinnedUntilAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand("SELECT value FROM balances_meta WHERE key = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StoreSchema.ThinnedUntilKey });
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is long milliseconds ? milliseconds : long.MinValue;
    }

    // In [from, to), taken to whole hours, removes each reading that a later one of its series follows in the same hour.
    private static async Task<int> ThinAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long from, long to, CancellationToken cancellationToken)
    {
        using var delete = new NpgsqlCommand(
            string.Create(CultureInfo.InvariantCulture, $"""
                DELETE FROM balances_readings AS r
                WHERE r.time >= $1 AND r.time < $2
                  AND EXISTS (SELECT 1 FROM balances_readings AS later
                              WHERE later.series = r.series AND later.time > r.time
                                AND later.time < r.time - (r.time % {ThinnedHours.Milliseconds}) + {ThinnedHours.Milliseconds})
                """),
            connection,
            transaction);
        delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from == long.MinValue ? long.MinValue : ThinnedHours.Start(from) });
        delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ThinnedHours.Start(to) });
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
