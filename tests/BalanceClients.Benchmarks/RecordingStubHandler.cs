using System.Collections.Concurrent;
using System.Net;

namespace BalanceClients.Benchmarks;

/// <summary>Answers every request at once with one provider's success example, and notes when (on the given clock) it came.</summary>
internal sealed class RecordingStubHandler(byte[] body, TimeProvider clock) : HttpMessageHandler
{
    private int _inFlight;

    public ConcurrentQueue<long> Arrivals { get; } = new();

    public int MaxInFlight { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Arrivals.Enqueue(clock.GetTimestamp());
        var now = Interlocked.Increment(ref _inFlight);
        MaxInFlight = Math.Max(MaxInFlight, now);
        await Task.Yield();
        Interlocked.Decrement(ref _inFlight);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
