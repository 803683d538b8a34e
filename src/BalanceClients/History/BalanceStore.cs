using BalanceClients.Monitoring;

namespace BalanceClients.History;

/// <summary>
/// The history of balances: readings (time, provider, account, kind, currency, exact amount), written by the monitor and by
/// <c>balances check --record</c>, read by <c>balances history</c> and the runway. By default an embedded SQLite file; a PostgreSQL URI
/// (<c>postgresql://user@host:port/db</c>, or <c>postgres://</c>) keeps it in that database instead, where several replicas share it.
/// Several processes may write one store at once. Methods may be called concurrently.
/// </summary>
public sealed class BalanceStore : IAsyncDisposable, IDisposable
{
    private readonly IStoreEngine _engine;

    private BalanceStore(IStoreEngine engine) => _engine = engine;

    /// <summary>
    /// Where the store is: its file, as a full path, or its PostgreSQL URI without the password (and without any other secret).
    /// </summary>
    public string Path => _engine.Path;

    /// <summary>
    /// Whether the store was opened by <see cref="OpenReadOnlyAsync"/>: its write methods then throw
    /// <see cref="InvalidOperationException"/>.
    /// </summary>
    public bool IsReadOnly => _engine.IsReadOnly;

    /// <summary>
    /// Whether the file this store opened to write is no longer the one at <see cref="Path"/>: deleted, or replaced by another (a
    /// backup moved there, say). Every read and write then throws <see cref="BalanceStoreException"/>; opening the store again opens
    /// what is there now. Never so for a PostgreSQL store.
    /// </summary>
    internal bool IsFileLost => _engine.IsFileLost;

    /// <summary>Whether the store is a PostgreSQL database.</summary>
    internal bool IsPostgreSql => _engine is PostgreSqlStore;

    /// <summary>
    /// Opens a store, creating it if missing (a SQLite file and its folder, or the tables in a PostgreSQL database): brings its schema
    /// up to date (on PostgreSQL, one process at a time) and applies the retention. A store that is refused is left exactly as it
    /// was. To only read a store, <see cref="OpenReadOnlyAsync"/> writes nothing.
    /// </summary>
    /// <param name="path">The file, or a PostgreSQL URI (<c>postgresql://</c> or <c>postgres://</c>; the password may come from the
    /// URI, <c>PGPASSWORD</c> or a <c>.pgpass</c> file, as libpq takes it).</param>
    /// <param name="options">How readings are kept; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock of the retention and the runway; <see langword="null"/> for the system clock.</param>
    /// <param name="cancellationToken">Stops the opening.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="BalanceStoreException">The file is not a SQLite database (or another program's); the store was written by a
    /// newer version; it cannot be reached, read or written.</exception>
    /// <exception cref="ArgumentException">The PostgreSQL URI is malformed (the message never holds its password).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static Task<BalanceStore> OpenAsync(
        string path,
        BalanceStoreOptions? options = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default) =>
        OpenStoreAsync(path, options, timeProvider, readOnly: false, cancellationToken);

    /// <summary>
    /// Opens an existing store only to read it (<see cref="ReadAsync"/>, the runways, the notified levels), writing nothing: it never
    /// creates the store, never migrates the schema (an older one is read as it is) and never applies the retention. A SQLite file is
    /// read without writing anything beside it, not even SQLite's write-ahead log or its index; so a backup, or another user's store,
    /// can be read.
    /// </summary>
    /// <remarks>
    /// Each read sees the store as it is then, in one consistent snapshot, with what writers have recorded since the opening. Of a
    /// SQLite file: where a writer has the file open (its write-ahead log and the log's index, <c>-wal</c> and <c>-shm</c>, are beside
    /// it), SQLite reads it through the log. Where there is no log, the file alone holds every reading and is read as immutable, without
    /// SQLite's locks; if another process writes the file during such a read, the runways and the notified levels are read again, up to
    /// three times, and <see cref="ReadAsync"/> throws <see cref="BalanceStoreException"/> of kind <see cref="BalanceStoreErrorKind.Busy"/>
    /// once its readings are out. The write methods throw <see cref="InvalidOperationException"/>.
    /// </remarks>
    /// <param name="path">The file, or a PostgreSQL URI.</param>
    /// <param name="options">Only <see cref="BalanceStoreOptions.BusyTimeout"/> applies, as nothing is written; <see langword="null"/>
    /// for the defaults.</param>
    /// <param name="timeProvider">The clock of the runway; <see langword="null"/> for the system clock.</param>
    /// <param name="cancellationToken">Stops the opening.</param>
    /// <returns>The open store, read-only.</returns>
    /// <exception cref="BalanceStoreException">The file or its folder does not exist, or the database holds no store
    /// (<see cref="BalanceStoreErrorKind.NotFound"/>); it is not a SQLite database (or another program's), or was written by a newer
    /// version; it cannot be reached or read, or its write-ahead log holds changes but the log's index is missing
    /// (<see cref="BalanceStoreErrorKind.Unreadable"/>); or it is damaged.</exception>
    /// <exception cref="ArgumentException">The PostgreSQL URI is malformed (the message never holds its password).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static Task<BalanceStore> OpenReadOnlyAsync(
        string path,
        BalanceStoreOptions? options = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default) =>
        OpenStoreAsync(path, options, timeProvider, readOnly: true, cancellationToken);

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

    /// <summary>
    /// The recorded readings, oldest first (then by provider, account, kind and currency), streamed from one consistent snapshot of
    /// the store; never the whole table at once.
    /// </summary>
    /// <param name="provider">Only this provider's readings (ignoring case); <see langword="null"/> for every provider.</param>
    /// <param name="account">Only the readings of accounts of this name (ignoring case); <see langword="null"/> for every account.</param>
    /// <param name="since">Only readings at or after this time; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The readings.</returns>
    /// <exception cref="BalanceStoreException">The store could not be read; or, in a SQLite store opened read-only, another process wrote
    /// the file while it was read without SQLite's locks (<see cref="BalanceStoreErrorKind.Busy"/>, after the last reading).</exception>
    public IAsyncEnumerable<StoredReading> ReadAsync(
        string? provider = null,
        string? account = null,
        DateTimeOffset? since = null,
        CancellationToken cancellationToken = default) =>
        _engine.ReadAsync(provider, account, since is { } from ? FirstMillisecond(from) : long.MinValue, cancellationToken);

    /// <summary>
    /// The readings thinned to one per series (provider, account, kind and currency) and span of <paramref name="resolution"/>: the
    /// last reading with an amount of each series in each span, as a chart of many series over a long time needs them. The store
    /// thins them in its query, which costs what it gives, not what the store holds. Spans are counted from 1970-01-01 00:00 UTC,
    /// so a resolution that divides a day starts them at midnight UTC (4 hours: 00:00, 04:00, 08:00, ...). Readings without an
    /// amount are left out. The readings given are some of those <see cref="ReadAsync"/> gives, in its order (oldest first, then by
    /// provider, account, kind and currency), streamed from one consistent snapshot of the store.
    /// </summary>
    /// <param name="resolution">The length of a span: whole milliseconds, at least one.</param>
    /// <param name="provider">Only this provider's readings (ignoring case); <see langword="null"/> for every provider.</param>
    /// <param name="account">Only the readings of accounts of this name (ignoring case); <see langword="null"/> for every account.</param>
    /// <param name="since">Only readings at or after this time; <see langword="null"/> for all. The span it falls in gives the last
    /// reading from this time on.</param>
    /// <param name="until">Only readings before this time; <see langword="null"/> for all. The span it falls in gives the last reading
    /// before it.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The readings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is less than a millisecond or not whole
    /// milliseconds.</exception>
    /// <exception cref="BalanceStoreException">The store could not be read; or, in a SQLite store opened read-only, another process wrote
    /// the file while it was read without SQLite's locks (<see cref="BalanceStoreErrorKind.Busy"/>, after the last reading).</exception>
    public IAsyncEnumerable<StoredReading> ReadThinnedAsync(
        TimeSpan resolution,
        string? provider = null,
        string? account = null,
        DateTimeOffset? since = null,
        DateTimeOffset? until = null,
        CancellationToken cancellationToken = default)
    {
        if (resolution < TimeSpan.FromMilliseconds(1) || resolution.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(resolution), resolution, "The resolution must be whole milliseconds, at least one.");
        }

        var range = new ThinnedRange(
            since is { } from ? FirstMillisecond(from) : long.MinValue,
            until is { } before ? FirstMillisecond(before) : long.MaxValue,
            resolution.Ticks / TimeSpan.TicksPerMillisecond);
        return _engine.ReadThinnedAsync(provider, account, range, cancellationToken);
    }

    /// <summary>
    /// Thins the readings older than <see cref="BalanceStoreOptions.RawRetention"/> (whole UTC hours before it) to the last
    /// reading of each hour of each series, in one transaction. Only readings that have aged since the last run are visited.
    /// <see cref="OpenAsync"/> runs it; a long-running host should run it now and then (daily, say).
    /// </summary>
    /// <param name="cancellationToken">Stops the work; nothing is removed.</param>
    /// <returns>How many readings were removed.</returns>
    /// <exception cref="BalanceStoreException">The write failed; nothing was removed.</exception>
    /// <exception cref="InvalidOperationException">The store was opened read-only (<see cref="IsReadOnly"/>).</exception>
    public Task<int> ApplyRetentionAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfReadOnly();
        return _engine.ApplyRetentionAsync(cancellationToken);
    }

    /// <summary>
    /// The runway of every account's primary amount (<see cref="ProviderInfo.PrimaryKind"/>) for now, to zero or to the account's
    /// critical threshold when one is set. An account whose primary amount was read in several currencies takes the latest one.
    /// </summary>
    /// <param name="thresholds">The thresholds whose critical levels are targets; <see langword="null"/> for none (target 0).</param>
    /// <param name="options">The window and rules; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>One entry per account with readings of its primary amount, in the contract's order (provider, then account).</returns>
    /// <exception cref="BalanceStoreException">The store could not be read.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public async Task<IReadOnlyList<AccountRunway>> EstimateRunwaysAsync(
        BalanceThresholds? thresholds = null,
        RunwayOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new RunwayOptions();
        RunwayOptions.Validate(options);
        var windows = await _engine.ReadWindowsAsync(null, null, options.Window, cancellationToken).ConfigureAwait(false);
        var primary = windows.Series.Where(s => string.Equals(
            ProviderInfo.Find(s.Provider.ToLowerInvariant())?.PrimaryKind, s.Kind, StringComparison.Ordinal));
        var runways = new List<AccountRunway>();
        foreach (var account in primary.GroupBy(s => (s.Provider, s.Account), AccountKeyComparer.Instance))
        {
            var target = Target(thresholds, account.Key.Provider, account.Key.Account, account.First().Kind);
            runways.Add(new AccountRunway(
                account.Key.Provider, account.Key.Account, LatestSeriesRunway(account, windows.Now, target, options)));
        }

        runways.Sort((x, y) => string.CompareOrdinal(x.Provider, y.Provider) is var byProvider and not 0
            ? byProvider
            : string.CompareOrdinal(x.Account, y.Account));
        return runways;
    }

    /// <summary>The runway of one account's amount of one kind for now (of its latest currency, if several).</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="account">The account's name.</param>
    /// <param name="kind">The kind of amount; <see langword="null"/> for the provider's primary amount.</param>
    /// <param name="target">The amount whose reaching ends the runway: 0, or the critical threshold.</param>
    /// <param name="options">The window and rules; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The runway, or <see langword="null"/> when there is too little recent history, no spending, or the amount is already
    /// at or below the target.</returns>
    /// <exception cref="BalanceStoreException">The store could not be read.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public async Task<BalanceRunway?> EstimateRunwayAsync(
        string provider,
        string account,
        string? kind = null,
        decimal target = 0,
        RunwayOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(account);
        options ??= new RunwayOptions();
        RunwayOptions.Validate(options);
        kind ??= ProviderInfo.Find(provider.ToLowerInvariant())?.PrimaryKind;
        var windows = await _engine.ReadWindowsAsync(provider, account, options.Window, cancellationToken).ConfigureAwait(false);
        return LatestSeriesRunway(windows.Series.Where(s => s.Kind == kind), windows.Now, target, options);
    }

    /// <inheritdoc />
    public void Dispose() => _engine.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    /// <summary>
    /// Records readings and gives each one's runway: records the results unless the store was opened read-only (a failed result
    /// records nothing), then estimates each account's runway from the history as it then stands, its own reading included; also
    /// after a failure, since the runway counts down from the last good reading. What <c>balances check</c> (with or without
    /// <c>--record</c>) and the monitor's recorder do with every reading.
    /// </summary>
    /// <param name="results">The results.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The runway of each result's account, in the results' order; <see langword="null"/> where none is known.</returns>
    /// <exception cref="BalanceStoreException">The store could not be written or read.</exception>
    internal async Task<BalanceRunway?[]> RecordWithRunwaysAsync(
        IReadOnlyList<BalanceCheckResult> results, CancellationToken cancellationToken)
    {
        if (!IsReadOnly)
        {
            await RecordManyAsync(results, cancellationToken).ConfigureAwait(false);
        }

        var runways = new BalanceRunway?[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            runways[i] = await EstimateRunwayAsync(results[i].Provider, results[i].Account, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }

        return runways;
    }

    /// <summary>Every row of what notifiers told their receivers (none in a store older than the table).</summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The rows, by receiver, provider and account.</returns>
    /// <exception cref="BalanceStoreException">The store could not be read.</exception>
    internal Task<IReadOnlyList<NotifiedRow>> ReadNotifiedAsync(CancellationToken cancellationToken) =>
        _engine.ReadNotifiedAsync(cancellationToken);

    /// <summary>Records what a receiver was told of an account, replacing the row before, durably.</summary>
    /// <param name="row">The row.</param>
    /// <param name="cancellationToken">Stops the write before it commits.</param>
    /// <returns>When it is written.</returns>
    /// <exception cref="BalanceStoreException">The write failed; the row before stays.</exception>
    /// <exception cref="InvalidOperationException">The store was opened read-only.</exception>
    internal Task SaveNotifiedAsync(NotifiedRow row, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return _engine.SaveNotifiedAsync(row, cancellationToken);
    }

    /// <inheritdoc cref="IStoreEngine.QueueAsync" />
    internal Task<bool> QueueAsync(
        NotifiedRow told, (string Level, string RunwayLevel)? expected, OutboxRow? message, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return _engine.QueueAsync(told, expected, message, cancellationToken);
    }

    /// <inheritdoc cref="IStoreEngine.ReadOutboxAsync" />
    internal Task<IReadOnlyList<OutboxRow>> ReadOutboxAsync(string receiver, CancellationToken cancellationToken) =>
        _engine.ReadOutboxAsync(receiver, cancellationToken);

    /// <inheritdoc cref="IStoreEngine.RemoveOutboxAsync" />
    internal Task RemoveOutboxAsync(string messageId, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return _engine.RemoveOutboxAsync(messageId, cancellationToken);
    }

    /// <inheritdoc cref="IStoreEngine.DeferOutboxAsync" />
    internal Task DeferOutboxAsync(string messageId, int bursts, long due, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return _engine.DeferOutboxAsync(messageId, bursts, due, cancellationToken);
    }

    /// <inheritdoc cref="IStoreEngine.CountOutboxAsync" />
    /// <exception cref="BalanceStoreException">The store could not be read.</exception>
    internal Task<IReadOnlyList<(string Receiver, int Waiting)>> CountOutboxAsync(CancellationToken cancellationToken) =>
        _engine.CountOutboxAsync(cancellationToken);

    /// <inheritdoc cref="IStoreEngine.ForgetReceiverAsync" />
    /// <exception cref="BalanceStoreException">The store could not be written; nothing was.</exception>
    /// <exception cref="InvalidOperationException">The store was opened read-only.</exception>
    internal Task<int> ForgetReceiverAsync(string receiver, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return _engine.ForgetReceiverAsync(receiver, cancellationToken);
    }

    /// <summary>
    /// The accounts' latest readings, whole, as the leader of replicas recorded them, that changed since an earlier read; or all of
    /// them (none in a store older than the table).
    /// </summary>
    /// <param name="since">The <see cref="LatestChanges.Cursor"/> of the last read of this store, or <see langword="null"/> for all.
    /// </param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The rows (<see cref="LatestReadingJson.ReadingOf"/> reads each) and the next read's cursor.</returns>
    /// <exception cref="BalanceStoreException">The store could not be read.</exception>
    internal Task<LatestChanges> ReadLatestAsync(long? since, CancellationToken cancellationToken) =>
        _engine.ReadLatestAsync(since, cancellationToken);

    /// <summary>
    /// Records accounts' latest readings, whole, each with the account's runway after it (which followers serve), in one transaction
    /// (all or none), durably: each replaces an older one of its account (never a newer one).
    /// </summary>
    /// <param name="readings">The readings and their runways (<see langword="null"/> for none).</param>
    /// <param name="cancellationToken">Stops the write before it commits.</param>
    /// <returns>When they are written.</returns>
    /// <exception cref="BalanceStoreException">The write failed; the rows before stay.</exception>
    /// <exception cref="InvalidOperationException">The store was opened read-only.</exception>
    internal Task SaveLatestAsync(
        IReadOnlyList<(BalanceReading Reading, BalanceRunway? Runway)> readings, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return _engine.SaveLatestAsync([.. readings.Select(r => LatestReadingJson.RowOf(r.Reading, r.Runway))], cancellationToken);
    }

    /// <summary>Closes the store once no write runs on it; a write that waited for it then finds the store closed.</summary>
    /// <returns>When it is closed.</returns>
    internal Task CloseWhenIdleAsync() => _engine.CloseWhenIdleAsync();

    // The store at a path or URI: a SQLite file, or a PostgreSQL database.
    private static async Task<BalanceStore> OpenStoreAsync(
        string path, BalanceStoreOptions? options, TimeProvider? timeProvider, bool readOnly, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options = BalanceStoreOptions.CheckedCopy(options);
        timeProvider ??= TimeProvider.System;
        if (PostgreSqlLocation.IsUri(path))
        {
            var location = PostgreSqlLocation.Parse(path);
            return new(await PostgreSqlStore.OpenAsync(location, options, timeProvider, readOnly, cancellationToken).ConfigureAwait(false));
        }

        return new(readOnly
            ? await SqliteStore.OpenReadOnlyAsync(path, options, timeProvider, cancellationToken).ConfigureAwait(false)
            : await SqliteStore.OpenAsync(path, options, timeProvider, cancellationToken).ConfigureAwait(false));
    }

    // The first millisecond (readings are stored to the millisecond, in Unix milliseconds) at or after a time.
    private static long FirstMillisecond(DateTimeOffset time) =>
        time.ToUnixTimeMilliseconds() + (time.UtcTicks % TimeSpan.TicksPerMillisecond == 0 ? 0 : 1);

    private static async IAsyncEnumerable<StoredReading> ToAsync(IEnumerable<StoredReading> readings)
    {
        foreach (var reading in readings)
        {
            yield return reading;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static decimal Target(BalanceThresholds? thresholds, string provider, string account, string kind) =>
        thresholds?.All
            .Where(t => t.Critical is not null
                && t.AppliesTo(provider, account, new BalanceAmount(kind, null, string.Empty, IsPrimary: true)))
            .Max(t => t.Critical) ?? 0;

    // The runway of the series (of one account and kind) whose latest reading in the window is the newest.
    private static BalanceRunway? LatestSeriesRunway(IEnumerable<SeriesWindow> series, long now, decimal target, RunwayOptions options)
    {
        SeriesWindow? latest = null;
        foreach (var one in series)
        {
            if (one.Points.Count > 0 && (latest is null || one.Points[^1].Time > latest.Points[^1].Time))
            {
                latest = one;
            }
        }

        return latest is null
            ? null
            : RunwayEstimator.Estimate([.. latest.Points], latest.Kind, latest.Currency, now, target, options);
    }

    private Task<int> WriteAsync(IAsyncEnumerable<StoredReading> readings, CancellationToken cancellationToken) =>
        _engine.WriteAsync(readings, cancellationToken);

    private void ThrowIfReadOnly()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"{Path} was opened read-only (BalanceStore.OpenReadOnlyAsync); it cannot be written.");
        }
    }
}
