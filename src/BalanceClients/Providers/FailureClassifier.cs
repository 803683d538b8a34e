using System.Text.Json;
using BalanceClients.Generated;
using BalanceClients.Generation;
using BalanceClients.Http;
using Polly.Timeout;

namespace BalanceClients.Providers;

/// <summary>Turns whatever a provider call threw into the contract's error: the one place where failures are classified.</summary>
internal static class FailureClassifier
{
    /// <summary>Classifies a failure.</summary>
    /// <param name="exception">What the call threw.</param>
    /// <param name="provider">The provider called, which reads its own error bodies.</param>
    /// <param name="deadlineReached">Whether the check's deadline had passed.</param>
    /// <returns>The error.</returns>
    public static BalanceError Classify(Exception exception, BalanceProvider provider, bool deadlineReached) => exception switch
    {
        BalanceException balance => balance.Error,
        OperationCanceledException when deadlineReached => new(BalanceErrorKind.Timeout, null, null, "No answer within the check's deadline."),
        TimeoutRejectedException timeout => new(BalanceErrorKind.Timeout, null, null, $"No answer within the attempt timeout of {timeout.Timeout.TotalSeconds:0.###} s."),
        ResponseTooLargeException tooLarge => new(BalanceErrorKind.InvalidResponse, tooLarge.StatusCode, null, tooLarge.Message),
        HttpRequestException network => new(BalanceErrorKind.Network, null, null, $"Could not reach {provider.Descriptor.DisplayName} ({Describe(network.HttpRequestError)})."),
        IOException => new(BalanceErrorKind.Network, null, null, $"The connection to {provider.Descriptor.DisplayName} failed while reading its answer."),
        ApiException answer => FromAnswer(answer, provider),
        JsonException => new(BalanceErrorKind.InvalidResponse, null, null, "The provider's answer does not fit its spec: it is not JSON of the documented shape."),
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
        var failure = (answer.ErrorBody ?? ReadUndocumentedBody(answer, provider)) is { } body ? provider.DescribeFailure(body) : null;
        var kind = failure?.Kind ?? KindOf(status);
        var message = failure?.Message is { Length: > 0 } text
            ? text
            : kind == BalanceErrorKind.InvalidResponse
                ? "The provider's answer does not fit its spec: its body is empty, not JSON, or not of the documented shape."
                : $"{provider.Descriptor.DisplayName} answered HTTP {status}.";
        return new BalanceError(kind, status, failure?.Code, message);
    }

    // An answer whose status the spec does not document still often carries the provider's usual error body.
    private static object? ReadUndocumentedBody(ApiException answer, BalanceProvider provider)
    {
        if (provider.ErrorBodyType is not { } type || string.IsNullOrWhiteSpace(answer.Response))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(answer.Response, type, GeneratedClientJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
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
