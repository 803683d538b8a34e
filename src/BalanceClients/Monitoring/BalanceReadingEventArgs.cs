namespace BalanceClients.Monitoring;

/// <summary>An account's new reading, after a check.</summary>
/// <param name="reading">The reading.</param>
public sealed class BalanceReadingEventArgs(BalanceReading reading) : EventArgs
{
    /// <summary>The reading.</summary>
    public BalanceReading Reading { get; } = reading;
}
