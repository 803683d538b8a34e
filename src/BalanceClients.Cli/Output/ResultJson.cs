using System.Globalization;
using System.Text.Json;
using BalanceClients.Monitoring;

namespace BalanceClients.Cli.Output;

/// <summary>Writes one result in the contract's JSON shape; amounts go from <see cref="decimal"/> straight to JSON, exactly.</summary>
internal static class ResultJson
{
    /// <summary>Writes a check's result object.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="result">The result.</param>
    public static void Write(Utf8JsonWriter writer, BalanceCheckResult result) => Write(writer, result, result.Balance, reading: null);

    /// <summary>
    /// Writes a monitor's reading: its latest check, with the last good balance while that fails, and when that balance was read
    /// (<c>checkedAt</c>) and whether the latest check failed (<c>stale</c>).
    /// </summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="reading">The reading.</param>
    public static void Write(Utf8JsonWriter writer, BalanceReading reading) => Write(writer, reading.Latest, reading.LastGood, reading);

    private static void Write(Utf8JsonWriter writer, BalanceCheckResult result, AccountBalance? balance, BalanceReading? reading)
    {
        writer.WriteStartObject();
        writer.WriteString("provider", result.Provider);
        writer.WriteString("account", result.Account);
        writer.WriteBoolean("ok", result.IsSuccess);
        writer.WriteBoolean("low", result.IsLow);
        writer.WriteString("level", result.Level.ToContractName());
        WriteNullableString(writer, "billingType", balance?.BillingType);
        writer.WriteStartArray("balances");
        foreach (var amount in balance?.Amounts ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("kind", amount.Kind);
            if (amount.Amount is { } value)
            {
                writer.WriteNumber("amount", value);
            }
            else
            {
                writer.WriteNull("amount");
            }

            writer.WriteString("currency", amount.Currency);
            writer.WriteBoolean("primary", amount.IsPrimary);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (result.Error is { } error)
        {
            writer.WriteStartObject("error");
            writer.WriteString("kind", error.Kind.ToContractName());
            if (error.HttpStatus is { } status)
            {
                writer.WriteNumber("httpStatus", status);
            }
            else
            {
                writer.WriteNull("httpStatus");
            }

            WriteNullableString(writer, "providerCode", error.ProviderCode);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("error");
        }

        if (reading is not null)
        {
            var checkedAt = reading.LastSuccessAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            WriteNullableString(writer, "checkedAt", checkedAt);
            writer.WriteBoolean("stale", reading.IsStale);
        }

        writer.WriteEndObject();
    }

    private static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
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
}
