namespace BalanceClients.Monitoring;

/// <summary>
/// The latest reading of every account as the store shared by several replicas holds it, which a monitor that does not lead serves
/// (<c>AddBalanceHistory</c> registers the store's).
/// </summary>
internal interface IStoredReadings
{
    /// <summary>Reads every account's latest reading from the store, and makes the runways of those that changed known.</summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The readings, in the contract's order.</returns>
    /// <exception cref="History.BalanceStoreException">The store cannot be read.</exception>
    Task<IReadOnlyList<BalanceReading>> ReadLatestAsync(CancellationToken cancellationToken);
}
