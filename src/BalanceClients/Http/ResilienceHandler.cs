using Polly;

namespace BalanceClients.Http;

/// <summary>
/// Sends each request through the provider's resilience pipeline, and reads each answer's body, up to a limit,
/// inside the attempt: a slow or endless body counts against the attempt's timeout and a dropped one is retried.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly int _maxResponseBytes;

    /// <summary>Creates the handler.</summary>
    /// <param name="pipeline">The provider's pipeline.</param>
    /// <param name="maxResponseBytes">The largest body read, in bytes.</param>
    public ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline, int maxResponseBytes)
    {
        _pipeline = pipeline;
        _maxResponseBytes = maxResponseBytes;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(
            async (state, token) =>
            {
                var response = await state.Handler.SendCoreAsync(state.Request, token).ConfigureAwait(false);
                try
                {
                    await BufferContentAsync(response, state.Handler._maxResponseBytes, token).ConfigureAwait(false);
                    return response;
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            },
            (Handler: this, Request: request),
            cancellationToken).ConfigureAwait(false);

    private static async Task BufferContentAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original.Headers.ContentLength > limit)
        {
            throw new ResponseTooLargeException((int)response.StatusCode, limit);
        }

        var body = new MemoryStream();
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > limit)
                {
                    throw new ResponseTooLargeException((int)response.StatusCode, limit);
                }

                body.Write(chunk, 0, read);
            }
        }

        var buffered = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        foreach (var header in original.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = buffered;
        original.Dispose();
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
