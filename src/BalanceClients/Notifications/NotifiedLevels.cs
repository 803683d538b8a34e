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
    public static Task<IReadOnlyList<NotifiedLevel>> ReadNotifiedLevelsAsync(
        this BalanceStore store, CancellationToken cancellationToken = default) =>
        store.ReadingAsync(
            BalanceStore.NotifiedSchema,
            [],
            async (connection, _, version) =>
            {
                // A file of version 2, read-only and so not migrated, has no runway levels: none was told then.
                var runwayLevelColumn = version < BalanceStore.RunwayLevelSchema ? "'ok'" : "runway_level";
                using var command = connection.CreateCommand();
                command.CommandText = $"""
                    SELECT receiver, provider, account, level, time, {runwayLevelColumn} FROM notified ORDER BY receiver, provider, account
                    """;
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var levels = new List<NotifiedLevel>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (LevelNamed(reader.GetString(3)) is { } level && LevelNamed(reader.GetString(5)) is { } runwayLevel)
                    {
                        levels.Add(new NotifiedLevel(
                            reader.GetString(0),
                            reader.GetString(1),
                            reader.GetString(2),
                            level,
                            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)))
                        { RunwayLevel = runwayLevel });
                    }
                }

                return (IReadOnlyList<NotifiedLevel>)levels;
            },
            cancellationToken);

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

        return store.WritingAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO notified (receiver, provider, account, level, runway_level, time)
                    VALUES ($receiver, $provider, $account, $level, $runwayLevel, $time)
                    ON CONFLICT (receiver, provider, account)
                    DO UPDATE SET level = excluded.level, runway_level = excluded.runway_level, time = excluded.time
                    """;
                command.Parameters.AddWithValue("$receiver", notified.Receiver);
                command.Parameters.AddWithValue("$provider", notified.Provider);
                command.Parameters.AddWithValue("$account", notified.Account);
                command.Parameters.AddWithValue("$level", notified.Level.ToContractName());
                command.Parameters.AddWithValue("$runwayLevel", notified.RunwayLevel.ToContractName());
                command.Parameters.AddWithValue("$time", notified.At.ToUnixTimeMilliseconds());
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    private static BalanceLevel? LevelNamed(string name) =>
        Enum.GetValues<BalanceLevel>().Select(level => (BalanceLevel?)level).FirstOrDefault(level => level!.Value.ToContractName() == name);
}
