using System.Text.Json.Serialization;

namespace BalanceClients.History;

/// <summary>Source-generated JSON metadata of <see cref="LatestReadingDocument"/>, so that nothing is read by reflection.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(LatestReadingDocument))]
internal sealed partial class LatestReadingJsonContext : JsonSerializerContext;
