using System.Globalization;
using System.Text.Json;
using BalanceClients.History;
using BalanceClients.Monitoring;

namespace BalanceClients.Cli.Output;

/// <summary>Writes one result in the contract's JSON shape; amounts go from <see cref="decimal"/> straight to JSON, exactly.</summary>
internal static class ResultJson
{
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
    public static void Write(Utf8JsonWriter writer, BalanceReading reading, BalanceRunway? runway) =>
        Write(writer, reading.Latest, reading.LastGood, reading, runway);

    private static void Write(
        Utf8JsonWriter writer, BalanceCheckResult result, AccountBalance? balance, BalanceReading? reading, BalanceRunway? runway)
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
        WriteError(writer, result.Error);
        if (reading is not null)
        {
            WriteNullableString(writer, "checkedAt", reading.LastSuccessAt is { } at ? ContractJson.Time(at) : null);
            writer.WriteBoolean("stale", reading.IsStale);
        }

        ContractJson.WriteRunway(writer, runway);
        writer.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter writer, BalanceError? failure)
    {
        if (failure is { } error)
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
