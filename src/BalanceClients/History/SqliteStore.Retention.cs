using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <content>Retention: raw readings for <see cref="BalanceStoreOptions.RawRetention"/>, then the last of each hour per series.</content>
internal sealed partial class SqliteStore
{
    /// <inheritdoc />
    public async Task<int> ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfReadOnly();
        try
        {
            return await ApplyRetentionCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw Translate(exception);
        }
    }

    private async Task<int> ApplyRetentionCoreAsync(CancellationToken cancellationToken)
    {
        if (_options.RawRetention is not { } retention)
        {
            return 0;
        }

        var cutoff = ThinnedHours.Start((_timeProvider.GetUtcNow() - retention).ToUnixTimeMilliseconds());
        await WaitToWriteAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _writer.BeginTransaction(deferred: false);
            var thinnedUntil = await ThinnedUntilAsync(cancellationToken).ConfigureAwait(false);
            if (cutoff <= thinnedUntil)
            {
                return 0;
            }

            var removed = await ThinAsync(thinnedUntil, cutoff, cancellationToken).ConfigureAwait(false);
            using var mark = _writer.CreateCommand();
            mark.CommandText = "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
            mark.Parameters.AddWithValue("$key", StoreSchema.ThinnedUntilKey);
            mark.Parameters.AddWithValue("$value", cutoff);
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return removed;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // Called in a write transaction. Before this time every hour of every series holds one reading at most.
    private async Task<long> ThinnedUntilAsync(CancellationToken cancellationToken)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", StoreSchema.ThinnedUntilKey);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is long milliseconds ? milliseconds : long.MinValue;
    }

    // Called in a write transaction: in [from, to), removes each reading that a later one of its series follows in the same hour.
    // Both ends are taken to whole hours, so that an hour is thinned whole or not at all; one index range per series.
    private async Task<int> ThinAsync(long from, long to, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        using (var list = _writer.CreateCommand())
        {
            list.CommandText = "SELECT id FROM series";
            using var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        using var delete = _writer.CreateCommand();
        delete.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            DELETE FROM readings
            WHERE series = $series AND time >= $from AND time < $to
              AND EXISTS (SELECT 1 FROM readings AS later
                          WHERE later.series = readings.series AND later.time > readings.time
                            AND later.time < readings.time - (readings.time % {ThinnedHours.Milliseconds}) + {ThinnedHours.Milliseconds})
            """);
        var series = delete.Parameters.Add("$series", SqliteType.Integer);
        delete.Parameters.AddWithValue("$from", from == long.MinValue ? long.MinValue : ThinnedHours.Start(from));
        delete.Parameters.AddWithValue("$to", ThinnedHours.Start(to));
        var removed = 0;
        foreach (var id in ids)
        {
            series.Value = id;
            removed += await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }
}
