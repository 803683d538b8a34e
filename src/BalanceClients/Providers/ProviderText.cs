using System.Buffers;
using System.Globalization;
using System.Text;

namespace BalanceClients.Providers;

/// <summary>
/// Makes a provider's text (a message, an error code) safe to show: control characters, escape sequences and invisible
/// formatting characters cannot reach a terminal, a log line or a label, and the text is of bounded length.
/// </summary>
internal static class ProviderText
{
    /// <summary>The longest text kept, in characters; a longer one is cut and ends with an ellipsis.</summary>
    public const int MaxLength = 500;

    private const char Replacement = '\uFFFD';

    // Printable ASCII, the common case: text of only these characters is returned as it is after one vectorised scan.
    private static readonly SearchValues<char> PrintableAscii =
        SearchValues.Create(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Neutralises a provider's text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>
    /// The text with line breaks and tabs as spaces, other control and format characters as U+FFFD, cut to <see cref="MaxLength"/>.
    /// </returns>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxLength && !text.AsSpan().ContainsAnyExcept(PrintableAscii))
        {
            return text;
        }

        var cleaned = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        for (var i = 0; i < text.Length && cleaned.Length < MaxLength; i++)
        {
            var c = text[i];
            if (char.IsSurrogatePair(text, i))
            {
                cleaned.Append(c).Append(text[++i]);
            }
            else
            {
                cleaned.Append(Neutral(c));
            }
        }

        return cleaned.Length < text.Length ? cleaned.Append('…').ToString() : cleaned.ToString();
    }

    /// <summary>Cleans an error's provider code and message.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The error with clean text.</returns>
    public static BalanceError Clean(BalanceError error) =>
        error with { Message = Clean(error.Message), ProviderCode = error.ProviderCode is { } code ? Clean(code) : null };

    private static char Neutral(char c) => c switch
    {
        '\r' or '\n' or '\t' => ' ',
        _ when char.IsSurrogate(c) => Replacement,
        _ => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse
            ? Replacement
            : c,
    };
}
