using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using BalanceClients.History;
using BalanceClients.Monitoring;

namespace BalanceClients.Output;

/// <summary>
/// The contract's JSON, written in one place: a check's result (<c>balances check --format json</c>), a monitor's reading
/// (<c>/api/v1/balances</c>) and the parts a webhook's message shares with them (amounts, error, runway, time). Amounts go from
/// <see cref="decimal"/> straight to JSON, exactly; nothing goes through reflection.
/// </summary>
internal static class ResultJson
{
    /// <summary>
    /// The writer options of every document: provider text is written as it is, JSON-escaped only where JSON requires it.
    /// </summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a check's result object.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="result">The result.</param>
    /// <param name="runway">The runway of its primary amount, when one is known.</param>
    public static void Write(Utf8JsonWriter writer, BalanceCheckResult result, BalanceRunway? runway) =>
        Write(writer, result, result.Balance, reading: null, runway);

    /// <summary>
    /// Writes a monitor's reading: its latest check, with the last good balance while that fails, and when that balance was read
    /// (<c>checkedAt</c>) and whether the latest check failed (<c>stale</c>).
    /// </summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="reading">The reading.</param>
    /// <param name="runway">The runway of its primary amount, when one is known.</param>
    public static void Write(Utf8JsonWriter writer, BalanceReading reading, BalanceRunway? runway)
    {
        ArgumentNullException.ThrowIfNull(reading);
        Write(writer, reading.Latest, reading.LastGood, reading, runway);
    }

    /// <summary>Writes the <c>{"results": [...]}</c> document of a monitor's readings.</summary>
    /// <param name="readings">The readings, in the contract's order.</param>
    /// <param name="runwayOf">The runway of an account, when one is known.</param>
    /// <returns>The UTF-8 document.</returns>
    public static byte[] Document(IReadOnlyList<BalanceReading> readings, Func<BalanceReading, BalanceRunway?> runwayOf)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            foreach (var reading in readings)
            {
                Write(writer, reading, runwayOf(reading));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the <c>"balances"</c> (or another name's) array of amounts.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="name">The array's name.</param>
    /// <param name="amounts">The amounts.</param>
    public static void WriteAmounts(Utf8JsonWriter writer, string name, IReadOnlyList<BalanceAmount> amounts)
    {
        writer.WriteStartArray(name);
        foreach (var amount in amounts)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", amount.Kind);
            WriteNumberOrNull(writer, "amount", amount.Amount);
            writer.WriteString("currency", amount.Currency);
            writer.WriteBoolean("primary", amount.IsPrimary);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes <c>"error": null</c> or the error object.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="failure">The error, if any.</param>
    public static void WriteError(Utf8JsonWriter writer, BalanceError? failure)
    {
        if (failure is not { } error)
        {
            writer.WriteNull("error");
            return;
        }

        writer.WriteStartObject("error");
        writer.WriteString("kind", error.Kind.ToContractName());
        WriteNumberOrNull(writer, "httpStatus", error.HttpStatus);
        WriteStringOrNull(writer, "providerCode", error.ProviderCode);
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
    }

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

    /// <summary>Writes a string, or <c>null</c>.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void Write(
        Utf8JsonWriter writer, BalanceCheckResult result, AccountBalance? balance, BalanceReading? reading, BalanceRunway? runway)
    {
        writer.WriteStartObject();
        writer.WriteString("provider", result.Provider);
        writer.WriteString("account", result.Account);
        writer.WriteBoolean("ok", result.IsSuccess);
        writer.WriteBoolean("low", result.IsLow);
        writer.WriteString("level", result.Level.ToContractName());
        WriteStringOrNull(writer, "billingType", balance?.BillingType);
        WriteAmounts(writer, "balances", balance?.Amounts ?? []);
        WriteError(writer, result.Error);
        if (reading is not null)
        {
            WriteStringOrNull(writer, "checkedAt", reading.LastSuccessAt is { } at ? Time(at) : null);
            writer.WriteBoolean("stale", reading.IsStale);
        }

        WriteRunway(writer, runway);
        writer.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
