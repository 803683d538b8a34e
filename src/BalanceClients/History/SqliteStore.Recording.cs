using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <content>Writing readings, each batch in one transaction.</content>
internal sealed partial class SqliteStore
{
    private readonly Dictionary<(string Provider, string Account, string Kind, string Currency), long> _seriesIds = [];

    /// <inheritdoc />
    public async Task<int> WriteAsync(IAsyncEnumerable<StoredReading> readings, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await WaitToWriteAsync(cancellationToken).ConfigureAwait(false);
        var newSeries = new Dictionary<(string, string, string, string), long>();
        try
        {
            using var transaction = _writer.BeginTransaction(deferred: false);
            using var insert = _writer.CreateCommand();
            insert.CommandText = "INSERT INTO readings (series, time, amount) VALUES ($series, $time, $amount) ON CONFLICT DO NOTHING";
            var series = insert.Parameters.Add("$series", SqliteType.Integer);
            var time = insert.Parameters.Add("$time", SqliteType.Integer);
            var amount = insert.Parameters.Add("$amount", SqliteType.Text);
            var (added, index, oldest) = (0, 0, long.MaxValue);
            await foreach (var reading in readings.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (StoredReadingRules.Problem(reading, ++index) is { } invalid)
                {
                    throw new ArgumentException(invalid, nameof(readings));
                }

                var milliseconds = reading.Time.ToUnixTimeMilliseconds();
                series.Value = await SeriesIdAsync(reading, newSeries, cancellationToken).ConfigureAwait(false);
                time.Value = milliseconds;
                amount.Value = reading.Amount is { } value ? value.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
                added += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                oldest = Math.Min(oldest, milliseconds);
            }

            // Readings older than what has been thinned already (an import, mostly) are thinned now, in the same transaction.
            if (added > 0 && _options.RawRetention is not null)
            {
                var thinnedUntil = await ThinnedUntilAsync(cancellationToken).ConfigureAwait(false);
                if (oldest < thinnedUntil)
                {
                    await ThinAsync(oldest, thinnedUntil, cancellationToken).ConfigureAwait(false);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            foreach (var (key, id) in newSeries)
            {
                _seriesIds[key] = id;
            }

            return added;
        }
        catch (SqliteException exception)
        {
            throw Translate(exception);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // The series' id, from the cache or the table; ids made in this transaction join the cache only once it commits.
    private async Task<long> SeriesIdAsync(
        StoredReading reading, Dictionary<(string, string, string, string), long> newSeries, CancellationToken cancellationToken)
    {
        var key = (reading.Provider, reading.Account, reading.Kind, reading.Currency);
        if (_seriesIds.TryGetValue(key, out var id) || newSeries.TryGetValue(key, out id))
        {
            return id;
        }

        using var command = _writer.CreateCommand();
        command.CommandText = """
            INSERT INTO series (provider, account, kind, currency) VALUES ($provider, $account, $kind, $currency) ON CONFLICT DO NOTHING;
            SELECT id FROM series WHERE provider = $provider AND account = $account AND kind = $kind AND currency = $currency;
            """;
        command.Parameters.AddWithValue("$provider", reading.Provider);
        command.Parameters.AddWithValue("$account", reading.Account);
        command.Parameters.AddWithValue("$kind", reading.Kind);
        command.Parameters.AddWithValue("$currency", reading.Currency);
        id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        newSeries[key] = id;
        return id;
    }
}
