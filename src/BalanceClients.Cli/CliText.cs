using System.Globalization;
using System.Text;

namespace BalanceClients.Cli;

/// <summary>User-typed values (paths, flag values, account names) as they appear in one-line messages.</summary>
internal static class CliText
{
    private const int MaxLength = 120;

    /// <summary>
    /// The value in single quotes, with control characters escaped (a message stays one line, a terminal stays untouched)
    /// and cut to a readable length.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The quoted value.</returns>
    public static string Quote(string value)
    {
        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 8).Append('\'');
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

        return text.Append(value.Length > MaxLength ? "'..." : "'").ToString();
    }
}
