namespace BalanceClients.FakeProviders;

/// <summary>A request a fake provider received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, below the provider's base URL's path (<c>/balance</c>).</param>
/// <param name="Query">The query string, <c>?</c> included, or empty.</param>
/// <param name="Headers">The headers, by lower-case name.</param>
/// <param name="Body">The body as text; empty when there is none.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body);
