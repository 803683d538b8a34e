using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// An OTLP/HTTP receiver on 127.0.0.1: it keeps every export (<c>/v1/metrics</c>, <c>/v1/traces</c>) as it arrived, answers each
/// with an empty (valid) protobuf response, and reads what tests ask of them with <see cref="Protobuf"/>.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> _exports = new();
    private WebApplication? _app;

    public Uri Root { get; private set; } = null!;

    public IReadOnlyList<(string Path, string? ContentType, byte[] Body)> Exports => [.. _exports];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        (receiver._app, receiver.Root) = await LoopbackApp.StartAsync(receiver.ReceiveAsync);
        return receiver;
    }

    /// <summary>Every export to one path, as protobuf messages.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> To(string path) =>
        Exports.Where(export => export.Path == path).Select(export => (ReadOnlyMemory<byte>)export.Body);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        _exports.Enqueue((context.Request.Path.Value ?? string.Empty, context.Request.ContentType, body.ToArray()));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }
}
