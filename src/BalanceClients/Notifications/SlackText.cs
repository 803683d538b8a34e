using System.Globalization;
using System.Text;

namespace BalanceClients.Notifications;

/// <summary>
/// A message as one line of Slack text: "undrctrl/default is critical: 3.20 USD (was warning)" for a change of level,
/// "telnyx/default runs out in ~2 d (2026-11-24 10:00 UTC) at 130 USD a day: under its warning horizon of 7 d" for one of
/// the runway level, both joined by "; " when both changed. Slack reads <c>&lt;...&gt;</c> as a
/// mention or a link (<c>&lt;!channel&gt;</c>, <c>&lt;http://x|y&gt;</c>), so every <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> of the line
/// is escaped: no text of a provider's answer or of the configuration can ping a channel or hide a link.
/// </summary>
internal static class SlackText
{
    /// <summary>The line of a message, escaped for Slack.</summary>
    /// <param name="notification">The message.</param>
    /// <returns>The text.</returns>
    public static string Of(BalanceNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var line = new StringBuilder().Append(notification.Provider).Append('/').Append(notification.Account);
        var isRunwayNews = notification.IsRunwayNews;
        if (notification.IsLevelNews || !isRunwayNews)
        {
            line.Append(" is ").Append(notification.Level.ToContractName()).Append(": ")
                .Append(notification.Error?.ToString() ?? Amount(notification.Amounts));
            if (notification.PreviousLevel is { } previous)
            {
                line.Append(" (was ").Append(previous.ToContractName()).Append(')');
            }

            line.Append(isRunwayNews ? ";" : string.Empty);
        }

        if (isRunwayNews)
        {
            line.Append(' ')
                .Append(notification.Runway is { } runway ? runway.ToString() : "has no known runway")
                .Append(": ")
                .Append(RunwaySentence.Against(notification.RunwayLevel, notification.PreviousRunwayLevel, notification.Horizons));
        }

        return Escape(line.ToString());
    }

    /// <summary>Escapes the three characters Slack's text format gives a meaning to.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text, shown as it is by Slack.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    // The primary amount (or the first one): "3.20 USD"; "no amount" where the provider gave none.
    private static string Amount(IReadOnlyList<BalanceAmount> amounts)
    {
        var amount = amounts.FirstOrDefault(a => a.IsPrimary) ?? (amounts.Count > 0 ? amounts[0] : null);
        return amount switch
        {
            null => "no amounts",
            { Amount: { } value } => $"{value.ToString(CultureInfo.InvariantCulture)} {amount.Currency}",
            _ => $"no amount ({amount.Kind}, {amount.Currency})",
        };
    }
}
