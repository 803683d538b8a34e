using Microsoft.AspNetCore.Http;

namespace BalanceClients.FakeProviders;

/// <summary>One answer a fake provider gives.</summary>
public sealed record FakeResponse
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; init; } = 200;

    /// <summary>The body, or <see langword="null"/> for none.</summary>
    public string? Body { get; init; }

    /// <summary>The body's <c>Content-Type</c>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra headers (<c>Retry-After</c>, say).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long to wait before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>How long to stall after the first half of the body, for a slow body.</summary>
    public TimeSpan BodyStall { get; init; }

    /// <summary>Whether to drop the connection instead of answering.</summary>
    public bool DropConnection { get; init; }

    /// <summary>A JSON answer.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The JSON text.</param>
    /// <returns>The answer.</returns>
    public static FakeResponse Json(int status, string body) => new() { Status = status, Body = body };

    /// <summary>An answer with any body and content type.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The body.</param>
    /// <param name="contentType">Its content type.</param>
    /// <returns>The answer.</returns>
    public static FakeResponse Text(int status, string? body, string contentType = "text/plain") =>
        new() { Status = status, Body = body, ContentType = contentType };

    /// <summary>A dropped connection.</summary>
    public static FakeResponse Dropped { get; } = new() { DropConnection = true };

    /// <summary>Gives this answer to a request: waits, then drops the connection or answers with its status, headers and body.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="timeProvider">The clock of <see cref="Delay"/> and <see cref="BodyStall"/>.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public async Task WriteToAsync(HttpContext context, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, timeProvider, context.RequestAborted).ConfigureAwait(false);
        }

        if (DropConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (Body is null)
        {
            return;
        }

        context.Response.ContentType = ContentType;
        var bytes = System.Text.Encoding.UTF8.GetBytes(Body);
        if (BodyStall <= TimeSpan.Zero)
        {
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await Task.Delay(BodyStall, timeProvider, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.WriteAsync(bytes.AsMemory(bytes.Length / 2), context.RequestAborted).ConfigureAwait(false);
    }
}
