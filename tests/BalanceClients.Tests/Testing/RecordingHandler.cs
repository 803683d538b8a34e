using System.Net;
using System.Text;

namespace BalanceClients.Tests.Testing;

/// <summary>An HTTP handler that records each request, body included, and answers with queued responses.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new();

    public List<RecordedHttpRequest> Requests { get; } = [];

    public RecordingHandler Respond(HttpStatusCode status, string? body, string contentType = "application/json")
    {
        _responses.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status);
            if (body is not null)
            {
                response.Content = new StringContent(body, Encoding.UTF8, contentType);
            }

            return response;
        });
        return this;
    }

    public RecordingHandler Respond(int status, string? body, string contentType = "application/json") =>
        Respond((HttpStatusCode)status, body, contentType);

    /// <summary>Queues an answer made by a function, for answers with headers.</summary>
    public RecordingHandler Respond(Func<HttpResponseMessage> response)
    {
        _responses.Enqueue(response);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add(new RecordedHttpRequest(request.Method.Method, request.RequestUri!, headers, body));
        var response = _responses.Count > 0 ? _responses.Dequeue()() : new HttpResponseMessage(HttpStatusCode.InternalServerError);
        response.RequestMessage = request;
        return response;
    }
}
