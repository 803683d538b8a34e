using System.Globalization;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace BalanceClients.Generation.Kiota;

/// <summary>
/// Sends a Kiota client's requests over a provider's <see cref="HttpClient"/> and reads the answers as the NSwag clients do:
/// the request is the generated request builder's, made an <see cref="HttpRequestMessage"/> by Kiota's
/// <see cref="HttpClientRequestAdapter"/>; the answer is read here. Kiota's adapter, sending itself, would take a 301 or 302
/// for a success and read its body, resend a 401 that carries a claims challenge, and keep no body of an error answer
/// its spec does not type; the unified layer needs every status, the headers and the body of every failure.
/// </summary>
internal sealed class KiotaSender
{
    private const int Ok = 200;

    private readonly HttpClient _httpClient;

    /// <summary>Creates the sender.</summary>
    /// <param name="httpClient">The provider's HTTP client, carrying the account's header credentials.</param>
    /// <param name="baseUrl">The provider's server URL.</param>
    public KiotaSender(HttpClient httpClient, string baseUrl)
    {
        _httpClient = httpClient;
        Adapter = CreateAdapter(httpClient, baseUrl);
    }

    /// <summary>The request adapter to make the generated client with.</summary>
    public IRequestAdapter Adapter { get; }

    /// <summary>
    /// Kiota's <see cref="HttpClientRequestAdapter"/> on a provider's HTTP client and nothing else (none of Kiota's middleware:
    /// the client's own handlers retry, time out and refuse redirects), reading JSON strictly.
    /// </summary>
    /// <param name="httpClient">The HTTP client.</param>
    /// <param name="baseUrl">The server URL.</param>
    /// <returns>The adapter.</returns>
    public static HttpClientRequestAdapter CreateAdapter(HttpClient httpClient, string baseUrl) =>
        new(new AnonymousAuthenticationProvider(), StrictJsonParseNodeFactory.Instance, httpClient: httpClient) { BaseUrl = baseUrl };

    /// <summary>Sends a request and reads its answer.</summary>
    /// <typeparam name="T">The answer's generated type.</typeparam>
    /// <param name="request">The request, from the generated request builder.</param>
    /// <param name="answer">Makes the answer's type (its <c>CreateFromDiscriminatorValue</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ApiException">
    /// The answer is not HTTP 200 (its body kept as text), or its body is not the documented JSON (the reason inside).
    /// </exception>
    public async Task<T> SendAsync<T>(RequestInformation request, ParsableFactory<T> answer, CancellationToken cancellationToken)
        where T : IParsable
    {
        using var message = await Adapter.ConvertToNativeRequestAsync<HttpRequestMessage>(request, cancellationToken).ConfigureAwait(false);
        using var response = await _httpClient.SendAsync(message!, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = values;
        }

        var status = (int)response.StatusCode;
        if (status != Ok)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new ApiException(
                $"The HTTP status code of the response was not expected ({status.ToString(CultureInfo.InvariantCulture)}).",
                status,
                text,
                headers,
                null);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        T? read;
        try
        {
            read = StrictJsonParseNode.Parse(body).GetObjectValue(answer);
        }
        catch (JsonException exception)
        {
            throw new ApiException($"Could not read the answer as {typeof(T).Name}.", status, string.Empty, headers, exception);
        }

        return read ?? throw new ApiException("Response was null which was not expected.", status, string.Empty, headers, null);
    }

    /// <summary>Reads the body of an error answer as the provider's error type.</summary>
    /// <typeparam name="T">The error type.</typeparam>
    /// <param name="answer">The error answer.</param>
    /// <param name="errorBody">Makes the error type.</param>
    /// <returns>The error body, or <see langword="null"/> if there is none.</returns>
    /// <exception cref="JsonException">The body is not the error type's JSON.</exception>
    public static T? ReadErrorBody<T>(ApiException answer, ParsableFactory<T> errorBody)
        where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(answer);
        return string.IsNullOrWhiteSpace(answer.Response)
            ? default
            : StrictJsonParseNode.Parse(System.Text.Encoding.UTF8.GetBytes(answer.Response)).GetObjectValue(errorBody);
    }
}
