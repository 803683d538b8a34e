using System.Globalization;
using System.Text.Json;

using BalanceClients.History;

namespace BalanceClients;

/// <summary>Parts of the contract's JSON written the same way by the tool's documents and by the webhooks' messages.</summary>
internal static class ContractJson
{
    /// <summary>Writes <c>"runway": null</c> or the runway object, its rate exact.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="runway">The runway, if known.</param>
    public static void WriteRunway(Utf8JsonWriter writer, BalanceRunway? runway)
    {
        if (runway is null)
        {
            writer.WriteNull("runway");
            return;
        }

        writer.WriteStartObject("runway");
        writer.WriteNumber("seconds", runway.Seconds);
        writer.WriteString("emptyAt", Time(runway.EmptyAt));
        writer.WriteNumber("burnPerDay", runway.BurnPerDay);
        writer.WriteString("kind", runway.Kind);
        writer.WriteString("currency", runway.Currency);
        writer.WriteEndObject();
    }

    /// <summary>A time as the contract writes it: ISO 8601 in UTC, to the millisecond.</summary>
    /// <param name="at">The time.</param>
    /// <returns><c>2026-11-22T12:00:00.000Z</c>.</returns>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
