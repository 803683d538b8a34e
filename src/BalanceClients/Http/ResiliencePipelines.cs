using System.Net;
using BalanceClients.Configuration;
using BalanceClients.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.RateLimiting;

namespace BalanceClients.Http;

/// <summary>The contract's retry-and-timeout strategies for one provider.</summary>
internal static class ResiliencePipelines
{
    private static readonly HashSet<HttpStatusCode> TransientStatuses =
    [
        HttpStatusCode.RequestTimeout,
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    /// <summary>
    /// Adds the contract's strategies to a provider's pipeline: retries (outer) around a per-attempt timeout (inner), as
    /// Microsoft.Extensions.Http.Resilience's options, with the contract's own rules where its defaults differ: only 408, 429,
    /// 500, 502, 503 and 504 are retried (not 501 nor 505 and above), a body dropped mid-read is retried too, a
    /// <c>Retry-After</c> is read on the pipeline's clock, and one longer than the cap ends the retries.
    /// </summary>
    /// <param name="builder">The pipeline's builder.</param>
    /// <param name="providerId">The provider, for logs and metrics.</param>
    /// <param name="options">The provider's resilience settings.</param>
    /// <param name="timeProvider">The clock of delays and timeouts.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <param name="metrics">Where retries are counted.</param>
    /// <param name="rateLimiter">
    /// The provider's limiter, shared by all its accounts, or <see langword="null"/> for none: between the retries and the
    /// attempt's timeout, so that every attempt (a retry too) waits for its permit within the check's deadline, and the wait
    /// is not counted against the attempt's own timeout.
    /// </param>
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        string providerId,
        ResilienceOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        BalanceCheckMetrics metrics,
        ProviderRateLimiter? rateLimiter = null)
    {
        builder.TimeProvider = timeProvider;
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.MaxRetryAfter, timeProvider)),
                DelayGenerator = args =>
                    ValueTask.FromResult(RetryAfter.Of(args.Outcome.Result?.Headers.RetryAfter, timeProvider.GetUtcNow())),
                OnRetry = args =>
                {
                    var status = args.Outcome.Result is { } response ? (int)response.StatusCode : (int?)null;
                    Log.RetryingAttempt(
                        logger,
                        providerId,
                        args.AttemptNumber + 1,
                        Log.Status(status),
                        args.Outcome.Exception?.GetType().Name,
                        args.RetryDelay.TotalMilliseconds);
                    metrics.Retried(providerId);
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (rateLimiter is not null)
        {
            var limiter = rateLimiter.Limiter;
            builder.AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken),
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider timeProvider)
    {
        if (outcome.Exception is { } exception)
        {
            return HttpClientResiliencePredicates.IsTransient(outcome) || exception is IOException;
        }

        var response = outcome.Result!;
        if (!TransientStatuses.Contains(response.StatusCode))
        {
            return false;
        }

        // A Retry-After longer than the cap ends the retries: the account is reported as it stands.
        return !(RetryAfter.Of(response.Headers.RetryAfter, timeProvider.GetUtcNow()) > maxRetryAfter);
    }
}
