using BalanceClients.Monitoring;
using Microsoft.Data.Sqlite;

namespace BalanceClients.History;

/// <content>Runways from the recorded readings: only the recent window of each series is read.</content>
public sealed partial class BalanceStore
{
    /// <summary>
    /// The runway of every account's primary amount (<see cref="ProviderInfo.PrimaryKind"/>) for now, to zero or to the account's
    /// critical threshold when one is set. An account whose primary amount was read in several currencies takes the latest one.
    /// </summary>
    /// <param name="thresholds">The thresholds whose critical levels are targets; <see langword="null"/> for none (target 0).</param>
    /// <param name="options">The window and rules; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>One entry per account with readings of its primary amount, in the contract's order (provider, then account).</returns>
    /// <exception cref="BalanceStoreException">The file could not be read.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public async Task<IReadOnlyList<AccountRunway>> EstimateRunwaysAsync(
        BalanceThresholds? thresholds = null,
        RunwayOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new RunwayOptions();
        RunwayOptions.Validate(options);
        return await ReadingAsync(
            ReadingsSchema,
            [],
            async (connection, now, _) =>
            {
                var primary = (await SeriesAsync(connection, null, null, cancellationToken).ConfigureAwait(false))
                    .Where(s => string.Equals(
                        ProviderInfo.Find(s.Provider.ToLowerInvariant())?.PrimaryKind, s.Kind, StringComparison.Ordinal));
                var runways = new List<AccountRunway>();
                foreach (var account in primary.GroupBy(s => (s.Provider, s.Account), AccountKeyComparer.Instance))
                {
                    var target = Target(thresholds, account.Key.Provider, account.Key.Account, account.First().Kind);
                    var runway = await LatestSeriesRunwayAsync(connection, account, now, target, options, cancellationToken)
                        .ConfigureAwait(false);
                    runways.Add(new AccountRunway(account.Key.Provider, account.Key.Account, runway));
                }

                runways.Sort((x, y) => string.CompareOrdinal(x.Provider, y.Provider) is var byProvider and not 0
                    ? byProvider
                    : string.CompareOrdinal(x.Account, y.Account));
                return (IReadOnlyList<AccountRunway>)runways;
            },
            cancellationToken).ConfigureAwait(false);
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
    /// <exception cref="BalanceStoreException">The file could not be read.</exception>
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
        return await ReadingAsync(
            ReadingsSchema,
            null,
            async (connection, now, _) =>
            {
                var series = (await SeriesAsync(connection, provider, account, cancellationToken).ConfigureAwait(false))
                    .Where(s => s.Kind == kind);
                return await LatestSeriesRunwayAsync(connection, series, now, target, options, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records readings and gives each one's runway: records the results unless the store was opened read-only (a failed result
    /// records nothing), then estimates each account's runway from the history as it then stands, its own reading included; also
    /// after a failure, since the runway counts down from the last good reading. What <c>balances check</c> (with or without
    /// <c>--record</c>) and the monitor's recorder do with every reading.
    /// </summary>
    /// <param name="results">The results.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The runway of each result's account, in the results' order; <see langword="null"/> where none is known.</returns>
    /// <exception cref="BalanceStoreException">The file could not be written or read.</exception>
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

    private static decimal Target(BalanceThresholds? thresholds, string provider, string account, string kind) =>
        thresholds?.All
            .Where(t => t.Critical is not null
                && t.AppliesTo(provider, account, new BalanceAmount(kind, null, string.Empty, IsPrimary: true)))
            .Max(t => t.Critical) ?? 0;

    // The runway of the series (of one account and kind) whose latest reading in the window is the newest.
    private static async Task<BalanceRunway?> LatestSeriesRunwayAsync(
        SqliteConnection connection,
        IEnumerable<(long Id, string Provider, string Account, string Kind, string Currency)> series,
        long now,
        decimal target,
        RunwayOptions options,
        CancellationToken cancellationToken)
    {
        var from = now - (long)options.Window.TotalMilliseconds;
        (List<RunwayPoint> Points, string Kind, string Currency)? latest = null;
        foreach (var one in series)
        {
            var points = await WindowAsync(connection, one.Id, from, now, cancellationToken).ConfigureAwait(false);
            if (points.Count > 0 && (latest is null || points[^1].Time > latest.Value.Points[^1].Time))
            {
                latest = (points, one.Kind, one.Currency);
            }
        }

        return latest is { } chosen ? RunwayEstimator.Estimate(chosen.Points, chosen.Kind, chosen.Currency, now, target, options) : null;
    }

    private static async Task<List<RunwayPoint>> WindowAsync(
        SqliteConnection connection, long series, long from, long now, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT time, amount FROM readings"
            + " WHERE series = $series AND time > $from AND time <= $now AND amount IS NOT NULL ORDER BY time";
        command.Parameters.AddWithValue("$series", series);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$now", now);
        var points = new List<RunwayPoint>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            points.Add(new RunwayPoint(reader.GetInt64(0), AmountOf(reader, 1)!.Value));
        }

        return points;
    }
}
