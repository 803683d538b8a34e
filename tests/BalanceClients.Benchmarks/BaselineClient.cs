using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace BalanceClients.Benchmarks;

/// <summary>The hand-written baseline: HttpClient and System.Text.Json source-generated types, for Telnyx's balance.</summary>
internal static class BaselineClient
{
    public static async Task<decimal> GetAvailableCreditAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        var answer = await http.GetFromJsonAsync(url, BaselineJson.Default.TelnyxAnswer, cancellationToken).ConfigureAwait(false);
        return decimal.Parse(answer!.Data!.AvailableCredit!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }
}

internal sealed record TelnyxAnswer([property: JsonPropertyName("data")] TelnyxData? Data);

internal sealed record TelnyxData(
    [property: JsonPropertyName("balance")] string? Balance,
    [property: JsonPropertyName("pending")] string? Pending,
    [property: JsonPropertyName("credit_limit")] string? CreditLimit,
    [property: JsonPropertyName("available_credit")] string? AvailableCredit,
    [property: JsonPropertyName("currency")] string? Currency);

[JsonSerializable(typeof(TelnyxAnswer))]
internal sealed partial class BaselineJson : JsonSerializerContext;
