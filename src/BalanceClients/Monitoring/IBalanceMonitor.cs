namespace BalanceClients.Monitoring;

/// <summary>
/// Checks every configured account on a schedule, in the background, and keeps the latest reading of each: what an app,
/// a metrics endpoint or a health check reads instead of calling the providers itself.
/// </summary>
public interface IBalanceMonitor
{
    /// <summary>The latest reading of every account checked so far, ordered by provider id, then account name.</summary>
    IReadOnlyList<BalanceReading> Readings { get; }

    /// <summary>Whether every configured account has been checked at least once.</summary>
    bool IsReady { get; }

    /// <summary>
    /// Raised after each check, with the account's new reading; handlers run on the monitor's thread and should be quick.
    /// </summary>
    event EventHandler<BalanceReadingEventArgs>? ReadingChanged;
}
