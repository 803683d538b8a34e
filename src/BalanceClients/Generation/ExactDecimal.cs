using System.Globalization;

namespace BalanceClients.Generation;

/// <summary>
/// Reads a number into a <see cref="decimal"/> only when the decimal holds it exactly: <c>decimal.Parse</c> rounds
/// digits beyond its 28-29 significant ones silently, and money is exact or refused.
/// </summary>
internal static class ExactDecimal
{
    /// <summary>Parses a number, refusing one that <see cref="decimal"/> would round.</summary>
    /// <param name="text">The number as written (invariant culture, no group separators).</param>
    /// <param name="style">The number styles accepted.</param>
    /// <param name="value">The exact value, when there is one.</param>
    /// <returns>Whether the text is a number that fits a decimal exactly.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, NumberStyles style, out decimal value) =>
        decimal.TryParse(text, style, CultureInfo.InvariantCulture, out value) && Holds(text, value);

    /// <summary>Whether a parsed decimal is exactly the number its text wrote.</summary>
    /// <param name="text">The number as written.</param>
    /// <param name="value">What <c>decimal.Parse</c> made of it.</param>
    /// <returns>Whether nothing was rounded away.</returns>
    public static bool Holds(ReadOnlySpan<char> text, decimal value)
    {
        // The common case, checked without a copy: 28 digits or fewer, without an exponent, always fit (a decimal holds 28-29).
        if (text.IndexOfAny('e', 'E') < 0 && CountDigits(text) <= 28)
        {
            return true;
        }

        // Otherwise the text and the decimal are the same number when their significant digits and the power of ten of the last
        // one agree.
        Span<char> printed = stackalloc char[64];
        return value.TryFormat(printed, out var length, provider: CultureInfo.InvariantCulture)
            && SignificantDigits.Of(text).Equals(SignificantDigits.Of(printed[..length]));
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return count;
    }

    /// <summary>A number reduced to its significant digits and the power of ten of the last one; zero has no digits.</summary>
    private readonly record struct SignificantDigits(bool Negative, string Digits, long Exponent)
    {
        public static SignificantDigits Of(ReadOnlySpan<char> number)
        {
            var negative = number.Length > 0 && number[0] == '-';
            var mantissa = number.TrimStart("+-");
            var exponent = 0L;
            var e = mantissa.IndexOfAny('e', 'E');
            if (e >= 0)
            {
                exponent = ParseExponent(mantissa[(e + 1)..]);
                mantissa = mantissa[..e];
            }

            var point = mantissa.IndexOf('.');
            var digits = point < 0 ? mantissa.ToString() : string.Concat(mantissa[..point], mantissa[(point + 1)..]);
            exponent -= point < 0 ? 0 : mantissa.Length - point - 1;
            var significant = digits.TrimStart('0');
            var trimmed = significant.TrimEnd('0');
            exponent += significant.Length - trimmed.Length;
            return trimmed.Length == 0 ? default : new SignificantDigits(negative, trimmed, exponent);
        }

        // Saturates: an exponent beyond any decimal's reach only has to stay beyond it.
        private static long ParseExponent(ReadOnlySpan<char> text)
        {
            var negative = text.Length > 0 && text[0] == '-';
            var value = 0L;
            foreach (var c in text.TrimStart("+-"))
            {
                value = Math.Min(value * 10 + (c - '0'), 1_000_000);
            }

            return negative ? -value : value;
        }
    }
}
