using System.Text.Json;
using BalanceClients.Monitoring;

namespace BalanceClients.History;

/// <summary>
/// A reading as the store's <c>latest</c> table keeps it: the whole <see cref="BalanceReading"/> (the latest check's result, the last
/// good balance, when it ended and the counts of checks by outcome) and the runway the leader estimated after recording it, as a JSON
/// document, amounts exact, enums by name. A replica that follows gives every endpoint what the leader would from it.
/// </summary>
internal static class LatestReadingJson
{
    /// <summary>The row of a reading.</summary>
    /// <param name="reading">The reading.</param>
    /// <param name="runway">The account's runway after it; <see langword="null"/> for none.</param>
    /// <returns>The row.</returns>
    public static LatestRow RowOf(BalanceReading reading, BalanceRunway? runway)
    {
        var document = new LatestReadingDocument(
            reading.Latest,
            reading.LastGood,
            reading.CheckedAt,
            new Dictionary<string, long>(reading.CheckCounts, StringComparer.Ordinal),
            runway,
            HasRunway: true);
        return new LatestRow(
            reading.Provider,
            reading.Account,
            reading.CheckedAt.ToUnixTimeMilliseconds(),
            JsonSerializer.Serialize(document, LatestReadingJsonContext.Default.LatestReadingDocument));
    }

    /// <summary>The reading of a row, or <see langword="null"/> when its document is not one this version reads.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The reading, with the leader's runway where the row carries it.</returns>
    public static LatestReading? ReadingOf(LatestRow row)
    {
        try
        {
            var document = JsonSerializer.Deserialize(row.Reading, LatestReadingJsonContext.Default.LatestReadingDocument);
            if (document?.Latest is null)
            {
                return null;
            }

            var reading = new BalanceReading(document.Latest, document.LastGood, document.CheckedAt)
            {
                CheckCounts = document.CheckCounts ?? new Dictionary<string, long>(StringComparer.Ordinal),
            };
            return new LatestReading(reading, document.HasRunway ? document.Runway : null, document.HasRunway);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
