using BalanceClients.History;

namespace BalanceClients.Notifications;

/// <summary>
/// What notifiers have told their receivers, kept in the store's <c>notified</c> table: the last level and runway level per
/// receiver and account, so that a restart repeats nothing.
/// </summary>
internal static class NotifiedLevels
{
    /// <summary>Every level notifiers have recorded as told (<see cref="SaveNotifiedLevelAsync"/>), one per receiver and account.</summary>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>
    /// The levels, by receiver, provider and account; a row whose level or runway level this version does not know is left out.
    /// </returns>
    /// <exception cref="BalanceStoreException">The file could not be read.</exception>
    public static async Task<IReadOnlyList<NotifiedLevel>> ReadNotifiedLevelsAsync(
        this BalanceStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var levels = new List<NotifiedLevel>();
        foreach (var row in await store.ReadNotifiedAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Of(row) is { } level)
            {
                levels.Add(level);
            }
        }

        return levels;
    }

    /// <summary>Records the level and runway level a receiver was told of an account, replacing those recorded before, durably.</summary>
    /// <param name="store">The store.</param>
    /// <param name="notified">The receiver, the account and the levels.</param>
    /// <param name="cancellationToken">Stops the write before it commits.</param>
    /// <returns>A task that completes when the level is recorded.</returns>
    /// <exception cref="ArgumentException">
    /// The receiver, provider or account is empty, or the level or runway level is not a defined one.
    /// </exception>
    /// <exception cref="BalanceStoreException">The write failed; the level recorded before stays.</exception>
    /// <exception cref="InvalidOperationException">The store was opened read-only (<see cref="BalanceStore.IsReadOnly"/>).</exception>
    public static Task SaveNotifiedLevelAsync(
        this BalanceStore store, NotifiedLevel notified, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(notified);
        ArgumentException.ThrowIfNullOrWhiteSpace(notified.Receiver, nameof(notified));
        ArgumentException.ThrowIfNullOrWhiteSpace(notified.Provider, nameof(notified));
        ArgumentException.ThrowIfNullOrWhiteSpace(notified.Account, nameof(notified));
        if (!Enum.IsDefined(notified.Level) || !Enum.IsDefined(notified.RunwayLevel))
        {
            var level = Enum.IsDefined(notified.Level) ? $"runway level {notified.RunwayLevel}" : $"level {notified.Level}";
            throw new ArgumentException($"The {level} is not a defined one.", nameof(notified));
        }

        return store.SaveNotifiedAsync(RowOf(notified), cancellationToken);
    }

    /// <summary>The levels of a row of the <c>notified</c> table.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The levels; <see langword="null"/> where this version does not know the level or the runway level.</returns>
    public static NotifiedLevel? Of(NotifiedRow row) =>
        LevelNamed(row.Level) is { } level && LevelNamed(row.RunwayLevel) is { } runwayLevel
            ? new NotifiedLevel(row.Receiver, row.Provider, row.Account, level, DateTimeOffset.FromUnixTimeMilliseconds(row.Time))
            {
                RunwayLevel = runwayLevel,
            }
            : null;

    /// <summary>The row of the <c>notified</c> table that records levels.</summary>
    /// <param name="notified">The levels.</param>
    /// <returns>The row.</returns>
    public static NotifiedRow RowOf(NotifiedLevel notified) =>
        new(
            notified.Receiver,
            notified.Provider,
            notified.Account,
            notified.Level.ToContractName(),
            notified.RunwayLevel.ToContractName(),
            notified.At.ToUnixTimeMilliseconds());

    private static BalanceLevel? LevelNamed(string name) =>
        Enum.GetValues<BalanceLevel>().Select(level => (BalanceLevel?)level).FirstOrDefault(level => level!.Value.ToContractName() == name);
}
