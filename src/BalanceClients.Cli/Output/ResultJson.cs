using System.Text.Json;

namespace BalanceClients.Cli.Output;

/// <summary>Writes one result in the contract's JSON shape; amounts go from <see cref="decimal"/> straight to JSON, exactly.</summary>
internal static class ResultJson
{
    /// <summary>Writes the result object.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="result">The result.</param>
    public static void Write(Utf8JsonWriter writer, BalanceCheckResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("provider", result.Provider);
        writer.WriteString("account", result.Account);
        writer.WriteBoolean("ok", result.IsSuccess);
        writer.WriteBoolean("low", result.IsLow);
        writer.WriteString("level", result.Level.ToContractName());
        WriteNullableString(writer, "billingType", result.Balance?.BillingType);
        writer.WriteStartArray("balances");
        foreach (var amount in result.Balance?.Amounts ?? [])
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
