using System.Net.Http.Headers;
using System.Text.Json;
using BalanceClients.Generation;
using BalanceClients.Http;
using Polly.Timeout;

namespace BalanceClients.Providers;

/// <summary>
/// Turns whatever a provider call threw into the contract's error: the one place where failures are classified. It is
/// total: a provider's body that cannot be read only means "no provider detail", never an exception.
/// </summary>
internal static class FailureClassifier
{
    private const string DoesNotFit = "The provider's answer does not fit its spec";

    /// <summary>Classifies a failure.</summary>
    /// <param name="exception">What the call threw.</param>
    /// <param name="provider">The provider called, which reads its own error bodies.</param>
    /// <param name="deadlineReached">Whether the check's deadline had passed.</param>
    /// <param name="now">The current time, to read a <c>Retry-After</c> date.</param>
    /// <returns>The error.</returns>
    public static BalanceError Classify(
        Exception exception,
        BalanceProvider provider,
        bool deadlineReached,
        DateTimeOffset now) => exception switch
    {
        BalanceException balance => balance.Error,
        OperationCanceledException when deadlineReached => new(
            BalanceErrorKind.Timeout, null, null, "No answer within the check's deadline."),
        TimeoutRejectedException timeout => new(
            BalanceErrorKind.Timeout, null, null, $"No answer within the attempt timeout of {timeout.Timeout.TotalSeconds:0.###} s."),
        ResponseTooLargeException tooLarge => new(BalanceErrorKind.InvalidResponse, tooLarge.StatusCode, null, tooLarge.Message),
        HttpRequestException network => new(
            BalanceErrorKind.Network,
            null,
            null,
            $"Could not reach {provider.Descriptor.DisplayName} ({Describe(network.HttpRequestError)})."),
        IOException => new(
            BalanceErrorKind.Network, null, null, $"The connection to {provider.Descriptor.DisplayName} failed while reading its answer."),
        ApiException { StatusCode: >= 300 and < 400 } redirect => Redirect(redirect, provider),
        ApiException answer => FromAnswer(answer, provider) with { RetryAfter = RetryAfterOf(answer, now) },
        JsonException json => new(BalanceErrorKind.InvalidResponse, null, null, NotFitting(json)),
        _ => new(BalanceErrorKind.InvalidResponse, null, null, $"The provider's answer could not be read ({exception.GetType().Name})."),
    };

    /// <summary>The error kind an HTTP status means, when the body says nothing more precise.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The kind.</returns>
    public static BalanceErrorKind KindOf(int status) => status switch
    {
        >= 200 and < 300 => BalanceErrorKind.InvalidResponse,
        400 or 422 => BalanceErrorKind.BadRequest,
        401 => BalanceErrorKind.Unauthorized,
        403 => BalanceErrorKind.Forbidden,
        404 => BalanceErrorKind.NotFound,
        408 => BalanceErrorKind.Timeout,
        429 => BalanceErrorKind.RateLimited,
        >= 500 => BalanceErrorKind.Unavailable,
        _ => BalanceErrorKind.ProviderError,
    };

    private static BalanceError FromAnswer(ApiException answer, BalanceProvider provider)
    {
        var status = answer.StatusCode;
        var failure = Describe(answer, provider);
        var kind = failure?.Kind ?? KindOf(status);
        var message = failure?.Message is { Length: > 0 } text
            ? text
            : kind == BalanceErrorKind.InvalidResponse
                ? NotFitting(answer.InnerException as JsonException)
                : $"{provider.Descriptor.DisplayName} answered HTTP {status}.";
        return new BalanceError(kind, status, failure?.Code, message);
    }

    private static TimeSpan? RetryAfterOf(ApiException answer, DateTimeOffset now) =>
        answer.Headers
            .FirstOrDefault(header => string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault() is { } text
        && RetryConditionHeaderValue.TryParse(text, out var value)
            ? RetryAfter.Of(value, now)
            : null;

    // Redirects are never followed, so credentials never reach another origin; the message names where it pointed.
    private static BalanceError Redirect(ApiException answer, BalanceProvider provider)
    {
        var location = answer.Headers
            .FirstOrDefault(header => string.Equals(header.Key, "Location", StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();
        var target = location is null
            ? "without saying where"
            : Uri.TryCreate(location, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? $"to {url.Scheme}://{url.Authority}"
                : "to another path of the same server";
        return new BalanceError(
            BalanceErrorKind.ProviderError,
            answer.StatusCode,
            null,
            $"{provider.Descriptor.DisplayName} answered HTTP {answer.StatusCode}, a redirect {target}; redirects are not followed.");
    }

#pragma warning disable CA1031 // A provider's body is hostile input: reading it may fail in any way, and then it says nothing.
    private static ProviderFailure? Describe(ApiException answer, BalanceProvider provider)
    {
        try
        {
            return provider.DescribeFailure(answer);
        }
        catch (Exception)
        {
            return null;
        }
    }
#pragma warning restore CA1031

    // Where a reader gave up on a body that is not JSON depends on the reader, so only a body that is JSON gets a place.
    // System.Text.Json (the NSwag clients) and the Kiota clients' reader both put the error of malformed JSON inside.
    private static string NotFitting(JsonException? exception)
    {
        if (exception?.InnerException is JsonException)
        {
            return $"{DoesNotFit}: its body is empty or not JSON.";
        }

        var what = exception is InexactAmountException
            ? "an amount has more digits than a decimal holds exactly"
            : "its body is not of the documented shape";
        return exception?.Path is { Length: > 0 } path ? $"{DoesNotFit}: {what} (at {path})." : $"{DoesNotFit}: {what}.";
    }

    private static string Describe(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved",
        HttpRequestError.ConnectionError => "the connection was refused or reset",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        HttpRequestError.ResponseEnded => "the connection closed before the answer ended",
        HttpRequestError.InvalidResponse => "the answer is not valid HTTP",
        _ => "a network error",
    };
}
