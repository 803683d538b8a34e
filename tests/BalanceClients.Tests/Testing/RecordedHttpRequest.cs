namespace BalanceClients.Tests.Testing;

/// <summary>A request a <see cref="RecordingHandler"/> saw.</summary>
internal sealed record RecordedHttpRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body);
