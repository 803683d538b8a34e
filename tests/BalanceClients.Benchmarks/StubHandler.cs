using System.Net;

namespace BalanceClients.Benchmarks;

/// <summary>Answers every request at once with the same JSON body: isolates the client's own cost from the network's.</summary>
internal sealed class StubHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
