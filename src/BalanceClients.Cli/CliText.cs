using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace BalanceClients.Cli;

/// <summary>User-typed values (paths, flag values, account names) and failures as they appear in one-line messages.</summary>
internal static class CliText
{
    private const int MaxLength = 120;

    /// <summary>The value in single quotes, as <see cref="Printable"/> shows it.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The quoted value.</returns>
    public static string Quote(string value) => $"'{Printable(value)}'";

    /// <summary>
    /// The value with control and invisible format characters escaped (a message stays one line, a terminal stays untouched),
    /// cut to a readable length.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The printable value.</returns>
    public static string Printable(string value) =>
        value.Length > MaxLength ? Escape(value.AsSpan(0, MaxLength)) + "..." : Escape(value);

    /// <summary>
    /// A message of System.CommandLine in one line: its lists (<c>Must be one of:\n\t'table'\n\t'json'</c>) joined with spaces, and
    /// whatever control characters the user's arguments brought escaped.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <returns>The message in one line.</returns>
    public static string OneLine(string message) => Escape(message.Replace("\n\t", " ", StringComparison.Ordinal));

    /// <summary>
    /// The operating system's words for an I/O failure (<c>Broken pipe</c>, <c>Input/output error</c>), without the path that
    /// .NET's messages add; the exception's message when it carries no system error number.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <returns>The reason, without a final full stop.</returns>
    public static string Reason(Exception exception)
    {
        // .NET reports EBADF on a write as UnauthorizedAccessException around the IOException that carries it.
        var failure = exception is UnauthorizedAccessException { InnerException: IOException inner } ? inner : exception;
        var reason = failure switch
        {
            IOException when failure.HResult is > 0 and < 4096 => Marshal.GetPInvokeErrorMessage(failure.HResult),
            FileNotFoundException or DirectoryNotFoundException => "No such file or directory",
            UnauthorizedAccessException => "Permission denied",
            _ => failure.Message,
        };
        return reason.TrimEnd('.');
    }

    /// <summary>
    /// Whether a character shows nothing or moves the cursor: a control character, or an invisible one that reorders or hides text
    /// (U+202E, U+200B, U+2028). A lone surrogate is not: strict UTF-8 never yields one, and a pair is one visible character.
    /// </summary>
    /// <param name="character">The character.</param>
    /// <returns>Whether the tool escapes or refuses it.</returns>
    public static bool IsInvisible(char character) =>
        !char.IsSurrogate(character) && CharUnicodeInfo.GetUnicodeCategory(character) is UnicodeCategory.Control
            or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string Escape(ReadOnlySpan<char> value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var character in value)
        {
            if (IsInvisible(character))
            {
                text.Append(@"\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(character);
            }
        }

        return text.ToString();
    }
}
