using System.Threading.RateLimiting;

namespace BalanceClients.Http;

/// <summary>
/// A rate limiter that spaces permits evenly on a <see cref="TimeProvider"/>: each permit gets the next free slot, one every
/// <c>period</c>, and its caller waits until that slot comes (no burst, no timer while idle). Unlike the runtime's token
/// bucket, whose replenishment reads the machine's clock, it runs on the host's clock, so a manual clock drives it in tests.
/// A caller cancelled while it waits gives up its slot unused: the provider never gets more than the rate.
/// </summary>
/// <param name="period">The time between two permits.</param>
/// <param name="timeProvider">The clock.</param>
internal sealed class PacedRateLimiter(TimeSpan period, TimeProvider timeProvider) : RateLimiter
{
    private readonly Lock _lock = new();
    private long _nextSlot = timeProvider.GetTimestamp();
    private long _granted;

    /// <inheritdoc />
    public override TimeSpan? IdleDuration
    {
        get
        {
            var idle = timeProvider.GetElapsedTime(Volatile.Read(ref _nextSlot));
            return idle > TimeSpan.Zero ? idle : null;
        }
    }

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = IdleDuration is null ? 0 : 1,
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
    };

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            var now = timeProvider.GetTimestamp();
            if (permitCount == 0 || _nextSlot > now)
            {
                return permitCount == 0 && _nextSlot <= now ? Lease.Granted : Lease.Refused;
            }

            _nextSlot = now + Ticks(period * permitCount);
        }

        Interlocked.Increment(ref _granted);
        return Lease.Granted;
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = timeProvider.GetTimestamp();
            var slot = Math.Max(now, _nextSlot);
            _nextSlot = slot + Ticks(period * permitCount);
            wait = TimeSpan.FromSeconds((double)(slot - now) / timeProvider.TimestampFrequency);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _granted);
        return Lease.Granted;
    }

    private long Ticks(TimeSpan span) => (long)Math.Ceiling(span.TotalSeconds * timeProvider.TimestampFrequency);

    /// <summary>A lease without metadata: granted, or refused.</summary>
    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);

        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
