using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using BalanceClients.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace BalanceClients.Notifications;

/// <summary>
/// Posts one message to one webhook in a burst of attempts, through a Polly retry pipeline: each attempt bounded by
/// <see cref="BalanceNotificationOptions.AttemptTimeout"/>, signed afresh (Standard Webhooks), no redirect followed, at most
/// <see cref="NotificationDefaults.MaxResponseBytes"/> of the answer read; 408, 429, 5xx, network errors and timeouts retried
/// up to <see cref="BalanceNotificationOptions.MaxRetries"/> times after exponential, jittered delays on the
/// <see cref="TimeProvider"/>, a <c>Retry-After</c> within <see cref="BalanceNotificationOptions.MaxRetryAfter"/> waited out.
/// </summary>
internal sealed class WebhookSender
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };
    private static readonly ResiliencePropertyKey<int> WebhookKey = new("BalanceClients.Webhook");

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly BalanceNotificationOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly WebhookDeliveryMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<AttemptResult> _pipeline;

    /// <summary>Creates the sender.</summary>
    /// <param name="httpClientFactory">Makes the webhooks' HTTP client (<see cref="NotificationDefaults.HttpClientName"/>).</param>
    /// <param name="options">The timeout and retry settings.</param>
    /// <param name="timeProvider">The clock of timeouts, delays and timestamps.</param>
    /// <param name="metrics">Counts the attempts.</param>
    /// <param name="logger">Where retries are logged.</param>
    public WebhookSender(
        IHttpClientFactory httpClientFactory,
        BalanceNotificationOptions options,
        TimeProvider timeProvider,
        WebhookDeliveryMetrics metrics,
        ILogger logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
        _pipeline = BuildPipeline();
    }

    /// <summary>Makes a message of a body, with a new id.</summary>
    /// <param name="body">The UTF-8 JSON body.</param>
    /// <returns>The message.</returns>
    public WebhookMessage NewMessage(byte[] body) => new(WebhookHeaders.NewId(_timeProvider.GetUtcNow()), body);

    /// <summary>Posts a message until it is delivered, fails for good, or runs out of attempts.</summary>
    /// <param name="webhook">The webhook's number, for log lines.</param>
    /// <param name="url">Where to post.</param>
    /// <param name="key">The webhook's signing key; <see langword="null"/> for none.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Stops the sending (the host stops).</param>
    /// <returns>How it ended.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<DeliveryOutcome> SendAsync(
        int webhook, Uri url, byte[]? key, WebhookMessage message, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(WebhookKey, webhook);
        AttemptResult result;
        try
        {
            result = await _pipeline.ExecuteAsync(
                async context =>
                {
                    attempts++;
                    var attempt = await AttemptAsync(url, key, message, context.CancellationToken).ConfigureAwait(false);
                    _metrics.Attempted(attempt.Failure is null);
                    return attempt;
                },
                context).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (result.Failure is not { } failure)
        {
            return new DeliveryOutcome(true, attempts, null);
        }

        if (result.Transient && attempts <= _options.MaxRetries && result.RetryAfter > _options.MaxRetryAfter)
        {
            var seconds = result.RetryAfter.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return new DeliveryOutcome(false, attempts, $"{failure}, asking to wait {seconds} s, longer than MaxRetryAfter");
        }

        return new DeliveryOutcome(false, attempts, failure);
    }

    private ResiliencePipeline<AttemptResult> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = _timeProvider };
        if (_options.MaxRetries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<AttemptResult>
        {
            MaxRetryAttempts = _options.MaxRetries,
            Delay = _options.RetryBaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Result is { Transient: true } result && !(result.RetryAfter > _options.MaxRetryAfter)),

            // A Retry-After longer than the backoff is waited out; a shorter one does not hurry the retry.
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { RetryAfter: { } asked }
                ? (TimeSpan?)TimeSpan.FromTicks(Math.Max(asked.Ticks, (_options.RetryBaseDelay * Math.Pow(2, args.AttemptNumber)).Ticks))
                : null),
            OnRetry = args =>
            {
                NotificationLog.Retrying(
                    _logger,
                    args.Context.Properties.GetValue(WebhookKey, 0),
                    args.AttemptNumber + 1,
                    args.Outcome.Result?.Failure ?? "unknown",
                    args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private async Task<AttemptResult> AttemptAsync(Uri url, byte[]? key, WebhookMessage message, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(message.Body) };
            request.Content.Headers.ContentType = JsonType;
            WebhookHeaders.Add(request, message.Id, _timeProvider.GetUtcNow(), message.Body, key);
            var client = _httpClientFactory.CreateClient(NotificationDefaults.HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
            var result = Classify(response);
            await DrainAsync(response, linked.Token, cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var seconds = _options.AttemptTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return new AttemptResult($"no answer within {seconds} s", Transient: true, RetryAfter: null);
        }
        catch (HttpRequestException exception)
        {
            return new AttemptResult(Describe(exception.HttpRequestError), Transient: true, RetryAfter: null);
        }
        catch (IOException)
        {
            return new AttemptResult("the connection broke", Transient: true, RetryAfter: null);
        }
    }

    private AttemptResult Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return status switch
        {
            >= 200 and < 300 => new AttemptResult(null, Transient: false, RetryAfter: null),
            >= 300 and < 400 => new AttemptResult($"HTTP {status}, a redirect, which is not followed", Transient: false, RetryAfter: null),
            408 or 429 or >= 500 => new AttemptResult(
                $"HTTP {status}",
                Transient: true,
                RetryAfter.Of(response.Headers.RetryAfter, _timeProvider.GetUtcNow())),
            _ => new AttemptResult($"HTTP {status}", Transient: false, RetryAfter: null),
        };
    }

    // Reads a bounded part of the answer, so that a short one leaves the connection reusable; the status alone decides.
    private static async Task DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken, CancellationToken stopping)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[8192];
                for (var left = NotificationDefaults.MaxResponseBytes; left > 0;)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, left)), cancellationToken)
                        .ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    left -= read;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException
            || (exception is OperationCanceledException && !stopping.IsCancellationRequested))
        {
            // The answer's head has arrived; a body that breaks off or stalls changes nothing.
        }
    }

    private static string Describe(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "the host name did not resolve",
        HttpRequestError.ConnectionError => "the connection failed",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        _ => "the request failed",
    };

    /// <summary>One attempt: <see cref="Failure"/> is <see langword="null"/> when it was delivered.</summary>
    private sealed record AttemptResult(string? Failure, bool Transient, TimeSpan? RetryAfter);
}
