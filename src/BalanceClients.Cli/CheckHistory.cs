using BalanceClients.History;

namespace BalanceClients.Cli;

/// <summary>
/// The store as <c>balances check</c> uses it: with <c>--record</c> every result is recorded; and whenever the store exists, each
/// result gets the runway its recorded history gives. Without <c>--record</c> the store is only read
/// (<see cref="BalanceStore.OpenReadOnlyAsync"/>): a missing one stays missing, and none is migrated, thinned or written.
/// </summary>
internal sealed class CheckHistory : IAsyncDisposable
{
    private readonly BalanceStore? _store;
    private readonly bool _record;

    private CheckHistory(BalanceStore? store, bool record)
    {
        _store = store;
        _record = record;
    }

    /// <summary>Whether <c>--record</c> has a store to record in.</summary>
    /// <param name="record">Whether <c>--record</c> is given.</param>
    /// <param name="store">The store's place, if any.</param>
    /// <param name="demo">Whether the run is a demo.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the combination is valid.</returns>
    public static bool CanRecord(bool record, StoreLocation? store, bool demo, out string error)
    {
        error = !record || store is not null ? string.Empty
            : demo ? "--record with --demo needs --store PATH or BALANCES_STORE: the demo's readings never go to the default store."
            : "--record and --no-store cannot be given together.";
        return error.Length == 0;
    }

    /// <summary>Opens the store, before any provider is called: an unusable one is a mistake reported at once.</summary>
    /// <param name="location">The store's place; <see langword="null"/> for none (<c>--no-store</c>, a demo without --store).</param>
    /// <param name="record">Whether results are recorded (<c>--record</c>).</param>
    /// <param name="clock">The clock of the runways.</param>
    /// <param name="cancellationToken">Stops the opening.</param>
    /// <returns>The history; one that does nothing when there is no store to use.</returns>
    /// <exception cref="BalanceStoreException">The store cannot be used.</exception>
    public static async Task<CheckHistory> OpenAsync(
        StoreLocation? location, bool record, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (location is null)
        {
            return new CheckHistory(null, record: false);
        }

        if (record)
        {
            var store = await BalanceStore.OpenAsync(location.Path, null, clock, cancellationToken).ConfigureAwait(false);
            return new CheckHistory(store, record);
        }

        try
        {
            return new CheckHistory(
                await BalanceStore.OpenReadOnlyAsync(location.Path, null, clock, cancellationToken).ConfigureAwait(false), record: false);
        }
        catch (BalanceStoreException exception) when (exception.Kind == BalanceStoreErrorKind.NotFound)
        {
            return new CheckHistory(null, record: false);
        }
    }

    /// <summary>Records the results, with <c>--record</c>, in one transaction.</summary>
    /// <param name="results">The results; failed ones record nothing.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when they are recorded.</returns>
    public async Task RecordAsync(IReadOnlyList<BalanceCheckResult> results, CancellationToken cancellationToken)
    {
        if (_record && _store is not null)
        {
            await _store.RecordManyAsync(results, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The runway of a result's account from the recorded history, its own reading included once recorded.</summary>
    /// <param name="result">The result.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The runway, or <see langword="null"/> when there is no store or too little history.</returns>
    public async Task<BalanceRunway?> RunwayOfAsync(BalanceCheckResult result, CancellationToken cancellationToken) =>
        _store is null
            ? null
            : await _store.EstimateRunwayAsync(result.Provider, result.Account, cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _store?.DisposeAsync() ?? ValueTask.CompletedTask;
}
