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
}
