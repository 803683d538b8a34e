using System.Globalization;
using BalanceClients.Generation;

namespace BalanceClients.Providers;

/// <summary>Reads money that a provider sends as text (<c>"1000.92"</c>) into a <see cref="decimal"/>, exactly.</summary>
internal static class MoneyText
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Parses an amount, or fails with <see cref="BalanceErrorKind.InvalidResponse"/>.</summary>
    /// <param name="text">The amount as the provider sent it.</param>
    /// <param name="field">The field's name in the provider's answer, for the message.</param>
    /// <param name="httpStatus">The answer's HTTP status.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="BalanceException">The field is missing, not a decimal number, or has more digits than a decimal holds.</exception>
    public static decimal Parse(string? text, string field, int httpStatus)
    {
        if (text is null)
        {
            throw ProviderAnswer.Invalid($"the answer has no '{field}'", httpStatus);
        }

        if (!decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out var amount))
        {
            throw ProviderAnswer.Invalid($"'{field}' is not a decimal number", httpStatus);
        }

        return ExactDecimal.Holds(text, amount)
            ? amount
            : throw ProviderAnswer.Invalid($"'{field}' has more digits than a decimal holds exactly", httpStatus);
    }
}
