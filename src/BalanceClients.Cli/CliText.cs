using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace BalanceClients.Cli;

/// <summary>User-typed values (paths, flag values, account names) as they appear in one-line messages.</summary>
internal static class CliText
{
    private const int MaxLength = 120;

    /// <summary>The value in single quotes, as <see cref="Printable"/> shows it.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The quoted value.</returns>
    public static string Quote(string value) => $"'{Printable(value)}'";

    /// <summary>
    /// The value with control characters escaped (a message stays one line, a terminal stays untouched), cut to a readable length.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The printable value.</returns>
    public static string Printable(string value)
    {
        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 8);
        foreach (var character in value.Length > MaxLength ? value[..MaxLength] : value)
        {
            if (char.IsControl(character))
            {
                text.Append(@"\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(character);
            }
        }

        return text.Append(value.Length > MaxLength ? "..." : string.Empty).ToString();
    }

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
}
