using System.Text.Json.Serialization;

namespace BalanceClients.Benchmarks;

/// <summary>The baseline's hand-written type for Telnyx's answer.</summary>
internal sealed record TelnyxAnswer([property: JsonPropertyName("data")] TelnyxData? Data);
