using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <content>Writing readings: check results, batches of them, and imports, each in one transaction.</content>
public sealed partial class BalanceStore
{
    private readonly Dictionary<(string Provider, string Account, string Kind, string Currency), long> _seriesIds = [];

    /// <summary>Records every amount of a check result in one transaction; a failed result records nothing.</summary>
    /// <param name="result">The result.</param>
    /// <param name="cancellationToken">Stops the write before it commits.</param>
    /// <returns>How many readings were added (an amount already recorded for its series at that millisecond is not added twice).</returns>
    /// <exception cref="BalanceStoreException">The write failed; nothing of it was recorded.</exception>
    /// <exception cref="InvalidOperationException">The store was opened read-only (<see cref="IsReadOnly"/>).</exception>
    public Task<int> RecordAsync(BalanceCheckResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return RecordManyAsync([result], cancellationToken);
    }

    /// <summary>Records every amount of many check results in one transaction; failed results record nothing.</summary>
    /// <param name="results">The results.</param>
    /// <param name="cancellationToken">Stops the write before it commits.</param>
    /// <returns>How many readings were added.</returns>
    /// <exception cref="BalanceStoreException">The write failed; nothing of it was recorded.</exception>
    /// <exception cref="InvalidOperationException">The store was opened read-only (<see cref="IsReadOnly"/>).</exception>
    public async Task<int> RecordManyAsync(IEnumerable<BalanceCheckResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        ThrowIfReadOnly();
        var readings = new List<StoredReading>();
        foreach (var result in results)
        {
            ArgumentNullException.ThrowIfNull(result, nameof(results));
            if (result.IsSuccess)
            {
                readings.AddRange(result.Balance.Amounts.Select(amount =>
                    new StoredReading(
                        result.Balance.RetrievedAt, result.Provider, result.Account, amount.Kind, amount.Currency, amount.Amount)));
            }
        }

        return readings.Count == 0 ? 0 : await WriteAsync(ToAsync(readings), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Imports readings (a backup restored, or history brought from elsewhere) in one transaction: all of them, or, if the
    /// sequence throws or a reading is invalid, none. Readings older than the raw retention are thinned as recorded ones are.
    /// </summary>
    /// <param name="readings">The readings, in any order.</param>
    /// <param name="cancellationToken">Stops the import; nothing of it is kept.</param>
    /// <returns>How many readings were added (one already in the store for its series at that millisecond is skipped).</returns>
    /// <exception cref="ArgumentException">A reading is null, has an empty provider, account, kind or currency, or is dated before 1970;
    /// nothing was imported.</exception>
    /// <exception cref="BalanceStoreException">The write failed; nothing was imported.</exception>
    /// <exception cref="InvalidOperationException">The store was opened read-only (<see cref="IsReadOnly"/>).</exception>
    public Task<int> ImportAsync(IAsyncEnumerable<StoredReading> readings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ThrowIfReadOnly();
        return WriteAsync(readings, cancellationToken);
    }

    /// <inheritdoc cref="ImportAsync(IAsyncEnumerable{StoredReading}, CancellationToken)" />
    public Task<int> ImportAsync(IEnumerable<StoredReading> readings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ThrowIfReadOnly();
        return WriteAsync(ToAsync(readings), cancellationToken);
    }

    private static async IAsyncEnumerable<StoredReading> ToAsync(IEnumerable<StoredReading> readings)
    {
        foreach (var reading in readings)
        {
            yield return reading;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one write on the writer's connection, alone (under the write lock), durably; SQLite's failures become
    /// <see cref="BalanceStoreException"/>s, and nothing of a failed write is kept.
    /// </summary>
    /// <param name="write">The write.</param>
    /// <param name="cancellationToken">Stops the write before it starts.</param>
    /// <returns>A task that completes when it is written.</returns>
    /// <exception cref="InvalidOperationException">The store was opened read-only (<see cref="IsReadOnly"/>).</exception>
    internal async Task WritingAsync(Func<SqliteConnection, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfReadOnly();
        await WaitToWriteAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await write(_writer).ConfigureAwait(false);
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

    private async Task<int> WriteAsync(IAsyncEnumerable<StoredReading> readings, CancellationToken cancellationToken)
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
                if (Invalid(reading, ++index) is { } invalid)
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

    private static string? Invalid(StoredReading reading, int number)
    {
        if (reading is null)
        {
            return $"Reading {number} is null.";
        }

        var fields = new[]
        {
            ("provider", reading.Provider), ("account", reading.Account), ("kind", reading.Kind), ("currency", reading.Currency),
        };
        foreach (var (name, value) in fields)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return $"Reading {number} has no {name}.";
            }
        }

        return reading.Time < DateTimeOffset.UnixEpoch ? $"Reading {number} is dated before 1970." : null;
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
