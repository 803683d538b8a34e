using BalanceClients.Configuration;

namespace BalanceClients.Http;

/// <summary>
/// The rate limiters of the container's providers, one per provider, shared by every account, check and retry (a singleton): a
/// provider's HTTP pipeline, rebuilt when the options reload, asks for its limiter each time and gets the same one as long as
/// its limits are the same.
/// </summary>
/// <param name="timeProvider">The clock of the limiters.</param>
internal sealed class ProviderRateLimiters(TimeProvider timeProvider) : IDisposable
{
    private readonly Dictionary<string, ProviderRateLimiter> _limiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>The provider's limiter for its current limits.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <param name="settings">Its limits.</param>
    /// <returns>The limiter; <see langword="null"/> when neither limit is set.</returns>
    public ProviderRateLimiter? For(string providerId, RateLimitOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var wanted = (settings.RequestsPerSecond, settings.MaxConcurrency);
        lock (_lock)
        {
            if (_limiters.TryGetValue(providerId, out var current) && current.Settings == wanted)
            {
                return current;
            }

            // Changed limits replace the limiter; requests still waiting on the old one fail, as they would at shutdown.
            current?.Dispose();
            _limiters.Remove(providerId);
            if (wanted is (null, null))
            {
                return null;
            }

            var limiter = new ProviderRateLimiter(settings, timeProvider);
            _limiters[providerId] = limiter;
            return limiter;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var limiter in _limiters.Values)
            {
                limiter.Dispose();
            }

            _limiters.Clear();
        }
    }
}
