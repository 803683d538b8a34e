using System.Net;
using BalanceClients.Configuration;
using BalanceClients.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BalanceClients.Http;

/// <summary>Builds the contract's retry-and-timeout pipeline for one provider.</summary>
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

    /// <summary>Builds the pipeline: retries (outer) around a per-attempt timeout (inner).</summary>
    /// <param name="providerId">The provider, for logs and metrics.</param>
    /// <param name="options">The provider's resilience settings.</param>
    /// <param name="timeProvider">The clock of delays and timeouts.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<HttpResponseMessage> Create(
        string providerId,
        ResilienceOptions options,
        TimeProvider timeProvider,
        ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
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
                    BalanceTelemetry.Retries.Add(1, new KeyValuePair<string, object?>(BalanceTelemetry.ProviderTag, providerId));
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider timeProvider)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or TimeoutRejectedException or IOException;
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
