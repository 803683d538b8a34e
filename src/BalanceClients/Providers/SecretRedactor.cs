using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BalanceClients.Providers;

/// <summary>
/// Removes an account's secrets from text that leaves the library, such as a provider's message quoting the request: in
/// every form a provider may quote one back (as sent, JSON-escaped, URL-encoded, HTML-escaped, base64 or base64url, alone or
/// within a larger base64 value such as HTTP basic authentication's, or a mix of these).
/// </summary>
/// <remarks>
/// A secret shorter than <see cref="MinimumLength"/> cannot be cut out of a text without garbling the words around it,
/// and the gap would give it away ("API REDACTEDey" for the key "k"). A text that quotes such a secret is withheld whole.
/// In base64, every character that carries a bit of the secret is cut out (see <see cref="Base64Forms"/>), with the padding
/// after it; the characters around it that carry only other bytes are kept, so the rest of a larger value stays as it was.
/// </remarks>
internal static class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Placeholder = "REDACTED";

    /// <summary>The shortest secret that is cut out of a text; a text quoting a shorter one is withheld whole.</summary>
    public const int MinimumLength = 8;

    /// <summary>The message of an error whose text was withheld.</summary>
    public const string WithheldMessage =
        "The provider's message is withheld: it quotes a secret too short to be redacted safely (under 8 characters).";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Redacts an error's code and message.</summary>
    /// <param name="error">The error.</param>
    /// <param name="secrets">The account's secrets.</param>
    /// <returns>The error, without any of the secrets in any form.</returns>
    public static BalanceError Redact(BalanceError error, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(error);
        var patterns = secrets.Where(secret => secret.Length > 0).Select(secret => (secret.Length, Pattern: PatternOf(secret))).ToList();
        return error with
        {
            Message = Redact(error.Message, patterns) ?? WithheldMessage,
            ProviderCode = error.ProviderCode is { } code ? Redact(code, patterns) : null,
        };
    }

    // Null when the text quotes a secret too short to cut out, or when matching took too long: withheld either way.
    private static string? Redact(string text, List<(int Length, Regex Pattern)> patterns)
    {
        try
        {
            foreach (var (length, pattern) in patterns)
            {
                if (pattern.IsMatch(text))
                {
                    if (length < MinimumLength)
                    {
                        return null;
                    }

                    text = pattern.Replace(text, Placeholder);
                }
            }

            return text;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    // The secret as sent, then its base64 at each alignment (with the padding that may end it); one alternation per character,
    // each of which may stand as itself or in any of its escaped forms.
    private static Regex PatternOf(string secret)
    {
        var padding = $"(?:{string.Join('|', FormsOf(new Rune('=')))}){{0,2}}";
        var alternatives = Base64Forms.Of(secret)
            .Select(run => Sequence(run.Select(candidates => candidates.SelectMany(character => FormsOf(new Rune(character))))) + padding)
            .Prepend(Sequence(secret.EnumerateRunes().Select(FormsOf)));
        return new Regex(string.Join('|', alternatives), RegexOptions.CultureInvariant, MatchTimeout);
    }

    private static string Sequence(IEnumerable<IEnumerable<string>> positions)
    {
        var pattern = new StringBuilder();
        foreach (var forms in positions)
        {
            pattern.Append("(?:").AppendJoin('|', forms).Append(')');
        }

        return pattern.ToString();
    }

    private static IEnumerable<string> FormsOf(Rune rune)
    {
        yield return Regex.Escape(rune.ToString());

        Span<char> utf16 = stackalloc char[2];
        var units = rune.EncodeToUtf16(utf16);
        yield return string.Concat(utf16[..units].ToArray().Select(unit => $@"\\u(?i:{(int)unit:X4})"));

        Span<byte> utf8 = stackalloc byte[4];
        var bytes = rune.EncodeToUtf8(utf8);
        yield return string.Concat(utf8[..bytes].ToArray().Select(b => $"%(?i:{b:X2})"));

        var code = rune.Value.ToString(CultureInfo.InvariantCulture);
        yield return $"&#0*{code};";
        yield return $"&#(?i:x)0*(?i:{rune.Value:X});";

        foreach (var escape in ShortEscapes(rune.Value))
        {
            yield return escape;
        }
    }

    // JSON's one-character escapes, form encoding's space, and HTML's named entities.
    private static string[] ShortEscapes(int c) => c switch
    {
        '"' => [@"\\""", "&quot;"],
        '\\' => [@"\\\\"],
        '/' => [@"\\/"],
        ' ' => [@"\+"],
        '&' => ["&amp;"],
        '<' => ["&lt;"],
        '>' => ["&gt;"],
        '\'' => ["&apos;"],
        _ => [],
    };
}
