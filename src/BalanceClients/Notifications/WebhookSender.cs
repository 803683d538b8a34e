using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using BalanceClients.Http;
using Microsoft.Extensions.Logging;

namespace BalanceClients.Notifications;

/// <summary>
/// Posts one message to one webhook: each attempt bounded by <see cref="BalanceNotificationOptions.AttemptTimeout"/>, no redirect
/// followed, at most <see cref="NotificationDefaults.MaxResponseBytes"/> of the answer read; 408, 429, 5xx, network errors and
/// timeouts retried after exponentially growing delays on the <see cref="TimeProvider"/>, a <c>Retry-After</c> within
/// <see cref="BalanceNotificationOptions.MaxRetryAfter"/> honoured.
/// </summary>
/// <param name="httpClientFactory">Makes the webhooks' HTTP client (<see cref="NotificationDefaults.HttpClientName"/>).</param>
/// <param name="options">The timeout and retry settings.</param>
/// <param name="timeProvider">The clock of timeouts and delays.</param>
/// <param name="logger">Where retries are logged.</param>
internal sealed class WebhookSender(
    IHttpClientFactory httpClientFactory,
    BalanceNotificationOptions options,
    TimeProvider timeProvider,
    ILogger logger)
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Posts a message until it is delivered, fails for good, or runs out of attempts.</summary>
    /// <param name="webhook">The webhook's number, for log lines.</param>
    /// <param name="url">Where to post.</param>
    /// <param name="body">The UTF-8 JSON body.</param>
    /// <param name="cancellationToken">Stops the sending (the host stops).</param>
    /// <returns>How it ended.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<DeliveryOutcome> SendAsync(int webhook, Uri url, byte[] body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await AttemptAsync(url, body, cancellationToken).ConfigureAwait(false);
            if (result.Failure is not { } failure)
            {
                return new DeliveryOutcome(true, attempt, null);
            }

            if (!result.Transient || attempt > options.MaxRetries)
            {
                return new DeliveryOutcome(false, attempt, failure);
            }

            if (result.RetryAfter > options.MaxRetryAfter)
            {
                var seconds = result.RetryAfter.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                return new DeliveryOutcome(false, attempt, $"{failure}, asking to wait {seconds} s, longer than MaxRetryAfter");
            }

            var delay = options.RetryBaseDelay * Math.Pow(2, attempt - 1);
            delay = result.RetryAfter > delay ? result.RetryAfter.Value : delay;
            NotificationLog.Retrying(logger, webhook, attempt, failure, delay.TotalMilliseconds);
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AttemptResult> AttemptAsync(Uri url, byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = JsonType;
            var client = httpClientFactory.CreateClient(NotificationDefaults.HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
            var result = Classify(response);
            await DrainAsync(response, linked.Token, cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var seconds = options.AttemptTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
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
                RetryAfter.Of(response.Headers.RetryAfter, timeProvider.GetUtcNow())),
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
    private readonly record struct AttemptResult(string? Failure, bool Transient, TimeSpan? RetryAfter);
}
