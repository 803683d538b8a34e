using System.Threading.RateLimiting;

namespace BalanceClients.Http;

/// <summary>
/// A rate limiter that spaces permits evenly on a <see cref="TimeProvider"/>: each permit gets the next free slot, one every
/// <c>period</c>, and its caller waits until that slot comes (no burst, no timer while idle). Unlike the runtime's token
/// bucket, whose replenishment reads the machine's clock, it runs on the host's clock, so a manual clock drives it in tests.
/// A caller cancelled while it waits gives up its slot unused, and a caller whose timer fires late still leaves a whole period
/// after the one before it: the provider never gets more than the rate, however busy the machine.
/// </summary>
/// <param name="period">The time between two permits.</param>
/// <param name="timeProvider">The clock.</param>
internal sealed class PacedRateLimiter(TimeSpan period, TimeProvider timeProvider) : RateLimiter
{
    private readonly Lock _lock = new();
    private long _nextSlot = timeProvider.GetTimestamp();
    private long _lastRelease = long.MinValue / 2;
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
            var free = _nextSlot <= now && _lastRelease + Ticks(period) <= now;
            if (permitCount == 0 || !free)
            {
                return permitCount == 0 && free ? Lease.Granted : Lease.Refused;
            }

            _nextSlot = now + Ticks(period * permitCount);
            _lastRelease = now;
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
            wait = Release(slot, now);
        }

        // A timer that fires late must not let two requests leave closer together than the period: each release waits, if
        // need be, until a whole period after the one before it.
        while (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                wait = Release(long.MinValue, timeProvider.GetTimestamp());
            }
        }

        Interlocked.Increment(ref _granted);
        return Lease.Granted;
    }

    // Called under the lock: releases now (and notes it) if both the slot and a period after the last release have come,
    // else says how long to wait still.
    private TimeSpan Release(long slot, long now)
    {
        var earliest = Math.Max(slot, _lastRelease + Ticks(period));
        if (earliest <= now)
        {
            _lastRelease = now;
            return TimeSpan.Zero;
        }

        return TimeSpan.FromSeconds((double)(earliest - now) / timeProvider.TimestampFrequency);
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
