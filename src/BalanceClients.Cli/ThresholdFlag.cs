using System.Globalization;

namespace BalanceClients.Cli;

/// <summary>
/// A <c>--warn</c> or <c>--min</c> flag: <c>ID=AMOUNT</c> for the provider's primary amount, <c>ID.KIND=AMOUNT</c> for one kind.
/// <c>--warn</c> sets a threshold's warning level, <c>--min</c> its critical level.
/// </summary>
internal static class ThresholdFlag
{
    /// <summary>Parses a flag's value, checking the provider and kind exist.</summary>
    /// <param name="flag">The flag, <c>--warn</c> or <c>--min</c>, for messages.</param>
    /// <param name="text">The flag's value.</param>
    /// <param name="threshold">The threshold with one level set, when valid.</param>
    /// <param name="error">Why it is not, otherwise.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool TryParse(string flag, string text, out BalanceThreshold threshold, out string error)
    {
        threshold = null!;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            error = $"{flag} {CliText.Quote(text)}: expected ID=AMOUNT or ID.KIND=AMOUNT.";
            return false;
        }

        var target = text[..equals].Trim();
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        var providerId = dot < 0 ? target : target[..dot];
        var kind = dot < 0 ? null : target[(dot + 1)..];
        if (ProviderInfo.Find(providerId) is not { } provider)
        {
            var known = string.Join(", ", ProviderInfo.All.Select(p => p.Id));
            error = $"{flag} {CliText.Quote(text)}: {CliText.Quote(providerId)} is not a provider ({known}).";
            return false;
        }

        if (kind is not null && !provider.Kinds.Contains(kind, StringComparer.Ordinal))
        {
            var kinds = string.Join(", ", provider.Kinds);
            error = $"{flag} {CliText.Quote(text)}: {providerId} has no amount of kind {CliText.Quote(kind)} ({kinds}).";
            return false;
        }

        var style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (!decimal.TryParse(text[(equals + 1)..].Trim(), style, CultureInfo.InvariantCulture, out var amount))
        {
            error = $"{flag} {CliText.Quote(text)}: the amount is not a number.";
            return false;
        }

        var isWarning = flag == "--warn";
        threshold = new BalanceThreshold
        {
            Provider = providerId,
            Kind = kind,
            Warning = isWarning ? amount : null,
            Critical = isWarning ? null : amount,
        };
        error = string.Empty;
        return true;
    }
}
