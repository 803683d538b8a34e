using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using BalanceClients.History;

namespace BalanceClients.AspNetCore.StatusPage;

/// <summary>The words of the status page: escaped text, times in UTC, amounts and runways.</summary>
internal static class StatusPageText
{
    // Every letter as itself; markup characters, quotes and control characters as character references.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text from a provider, a configuration or the store, made safe anywhere in HTML: an element or a quoted attribute.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string Escape(string text) => Encoder.Encode(text);

    /// <summary>A time as the page writes it: <c>2026-12-12 14:00 UTC</c>.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A day as the page writes it: <c>2026-12-12</c>.</summary>
    /// <param name="time">A time of the day (UTC).</param>
    /// <returns>The text.</returns>
    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An amount exactly as read, with its currency (escaped).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The text.</returns>
    public static string Amount(BalanceAmount amount) =>
        amount.Amount is { } value
            ? $"{value.ToString(CultureInfo.InvariantCulture)} {Escape(amount.Currency)}"
            : $"no amount ({Escape(amount.Currency)})";

    /// <summary>The runway in a sentence: <c>runs out in 6 d, 2026-12-12 14:00 UTC</c>, or why none is known.</summary>
    /// <param name="account">The account.</param>
    /// <param name="history">Whether the readings are recorded.</param>
    /// <returns>The sentence.</returns>
    public static string Runway(StatusPageAccount account, bool history) => account.Runway switch
    {
        { } runway => $"runs out in {BalanceRunway.Rounded(runway.Remaining)}, {Time(runway.EmptyAt)}",
        null when !history => "no runway: readings are not recorded",
        null when account.Series.Count < 2 => "no runway yet: too little history",
        _ => "not spending",
    };

    /// <summary>The rate of spending: <c>130 USD a day</c>.</summary>
    /// <param name="runway">The runway.</param>
    /// <returns>The text.</returns>
    public static string Burn(BalanceRunway runway) =>
        $"{runway.BurnPerDay.ToString("0.##", CultureInfo.InvariantCulture)} {Escape(runway.Currency)} a day";
}
