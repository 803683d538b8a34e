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

    private CheckHistory(BalanceStore? store) => _store = store;

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
            return new CheckHistory(null);
        }

        if (record)
        {
            return new CheckHistory(await BalanceStore.OpenAsync(location.Path, null, clock, cancellationToken).ConfigureAwait(false));
        }

        try
        {
            return new CheckHistory(
                await BalanceStore.OpenReadOnlyAsync(location.Path, null, clock, cancellationToken).ConfigureAwait(false));
        }
        catch (BalanceStoreException exception) when (exception.Kind == BalanceStoreErrorKind.NotFound)
        {
            return new CheckHistory(null);
        }
    }

    /// <summary>
    /// Records the results, with <c>--record</c>, in one transaction, and gives the runway each one's account has from the recorded
    /// history, its own reading included once recorded.
    /// </summary>
    /// <param name="results">The results; failed ones record nothing.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The runways, in the results' order; <see langword="null"/> where there is no store or too little history.</returns>
    public async Task<BalanceRunway?[]> RecordAsync(IReadOnlyList<BalanceCheckResult> results, CancellationToken cancellationToken) =>
        _store is null
            ? new BalanceRunway?[results.Count]
            : await _store.RecordWithRunwaysAsync(results, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _store?.DisposeAsync() ?? ValueTask.CompletedTask;
}
