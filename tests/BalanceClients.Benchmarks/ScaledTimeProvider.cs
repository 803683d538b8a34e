using System.Diagnostics;

namespace BalanceClients.Benchmarks;

/// <summary>
/// A clock that runs <c>factor</c> times faster than the machine's: every time, timestamp, delay and timer of the code under
/// measurement is scaled, so that a 300 s interval passes in 300/<c>factor</c> s of real time, with the same schedule.
/// </summary>
/// <param name="factor">How many simulated seconds pass in one real second.</param>
internal sealed class ScaledTimeProvider(double factor) : TimeProvider
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _origin = DateTimeOffset.UtcNow;

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override long GetTimestamp() => _start + (long)((Stopwatch.GetTimestamp() - _start) * factor);

    public override DateTimeOffset GetUtcNow() => _origin + (Stopwatch.GetElapsedTime(_start) * factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan || span == TimeSpan.Zero ? span : span / factor;

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Scale(dueTime), owner.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
