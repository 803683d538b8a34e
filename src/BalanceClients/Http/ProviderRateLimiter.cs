using System.Threading.RateLimiting;
using BalanceClients.Configuration;

namespace BalanceClients.Http;

/// <summary>
/// One provider's limits, shared by all its accounts: a concurrency limiter (permits held while a request is in flight), then a
/// <see cref="PacedRateLimiter"/> that spaces requests 1/<see cref="RateLimitOptions.RequestsPerSecond"/> seconds apart on the
/// <see cref="TimeProvider"/>. Both queue without bound, oldest first: a request waits for its turn until its cancellation
/// token (the check's deadline) ends the wait.
/// </summary>
internal sealed class ProviderRateLimiter : IDisposable
{
    private readonly PacedRateLimiter? _pace;
    private readonly ConcurrencyLimiter? _concurrency;

    /// <summary>Creates the limiter.</summary>
    /// <param name="settings">The limits (at least one is set).</param>
    /// <param name="timeProvider">The clock that replenishes the tokens.</param>
    public ProviderRateLimiter(RateLimitOptions settings, TimeProvider timeProvider)
    {
        Settings = (settings.RequestsPerSecond, settings.MaxConcurrency);
        if (settings.MaxConcurrency is { } concurrency)
        {
            _concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = concurrency,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }

        if (settings.RequestsPerSecond is { } perSecond)
        {
            _pace = new PacedRateLimiter(TimeSpan.FromSeconds(1 / perSecond), timeProvider);
        }

        // The concurrency permit first: slots taken while waiting for it would let requests bunch up when permits free.
        Limiter = (_concurrency, _pace) switch
        {
            ({ } c, { } t) => RateLimiter.CreateChained(c, t),
            ({ } c, null) => c,
            (null, { } t) => t,
            _ => throw new ArgumentException("Neither limit is set.", nameof(settings)),
        };
    }

    /// <summary>The limits it was made with.</summary>
    public (double? RequestsPerSecond, int? MaxConcurrency) Settings { get; }

    /// <summary>The limiter a request acquires a permit of before it is sent, and releases when it has its answer.</summary>
    public RateLimiter Limiter { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!ReferenceEquals(Limiter, _concurrency) && !ReferenceEquals(Limiter, _pace))
        {
            Limiter.Dispose();
        }

        _concurrency?.Dispose();
        _pace?.Dispose();
    }
}
