namespace BalanceClients.Monitoring;

/// <summary>
/// The latest reading of every account as the store shared by several replicas holds it, which a monitor that does not lead serves
/// (<c>AddBalanceHistory</c> registers the store's).
/// </summary>
internal interface IStoredReadings
{
    /// <summary>Reads every account's latest reading from the store, and makes the runways of those that changed known.</summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The readings, in the contract's order; <see langword="null"/> when the store cannot be read now (logged).</returns>
    Task<IReadOnlyList<BalanceReading>?> ReadLatestAsync(CancellationToken cancellationToken);
}
