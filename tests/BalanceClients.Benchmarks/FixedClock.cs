namespace BalanceClients.Benchmarks;

/// <summary>A clock that says the time it is set to: the runs' stores and pages are of a fixed day.</summary>
/// <param name="now">The time.</param>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The time it says.</summary>
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
