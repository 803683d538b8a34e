using System.Buffers;

namespace BalanceClients.Http;

/// <summary>
/// Reads each answer's body, up to a limit, as the innermost step of every attempt: a slow or endless body counts against the
/// attempt's timeout and a dropped one is retried.
/// </summary>
/// <param name="maxResponseBytes">The largest body read, in bytes.</param>
internal sealed class ResponseBodyHandler(int maxResponseBytes) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await BufferContentAsync(response, maxResponseBytes, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task BufferContentAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var declared = original.Headers.ContentLength;
        if (declared > limit)
        {
            throw new ResponseTooLargeException((int)response.StatusCode, limit);
        }

        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        byte[] body;
        await using (stream.ConfigureAwait(false))
        {
            body = declared is { } length
                ? await ReadDeclaredAsync(stream, (int)length, cancellationToken).ConfigureAwait(false)
                : await ReadUpToAsync(stream, limit, (int)response.StatusCode, cancellationToken).ConfigureAwait(false);
        }

        var buffered = new ByteArrayContent(body);
        foreach (var header in original.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = buffered;
        original.Dispose();
    }

    // The length is known and within the limit: one array of exactly that size.
    private static async Task<byte[]> ReadDeclaredAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return body;
    }

    // The length is unknown (chunked): read into pooled buffers until the end or the limit.
    private static async Task<byte[]> ReadUpToAsync(Stream stream, int limit, int statusCode, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > limit)
                {
                    throw new ResponseTooLargeException(statusCode, limit);
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
