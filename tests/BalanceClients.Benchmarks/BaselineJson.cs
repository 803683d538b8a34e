using System.Text.Json.Serialization;

namespace BalanceClients.Benchmarks;

/// <summary>The baseline's source-generated System.Text.Json metadata.</summary>
[JsonSerializable(typeof(TelnyxAnswer))]
internal sealed partial class BaselineJson : JsonSerializerContext;
