using System.Globalization;
using System.Net.Http.Json;

namespace BalanceClients.Benchmarks;

/// <summary>The hand-written baseline: HttpClient and System.Text.Json source-generated types, for Telnyx's balance.</summary>
internal static class BaselineClient
{
    public static async Task<decimal> GetAvailableCreditAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        var answer = await http.GetFromJsonAsync(url, BaselineJson.Default.TelnyxAnswer, cancellationToken).ConfigureAwait(false);
        return decimal.Parse(
            answer!.Data!.AvailableCredit!,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture);
    }
}
