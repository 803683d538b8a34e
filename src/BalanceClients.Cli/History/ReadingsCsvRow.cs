using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BalanceClients.History;

namespace BalanceClients.Cli.History;

/// <summary>One row of the CSV of readings, read and checked: every field is what <c>balances history</c> would have written.</summary>
internal static partial class ReadingsCsvRow
{
    private const int MaxExactDigits = 28;
    private const NumberStyles AmountStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
    private const DateTimeStyles TimeStyles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
    private static readonly string[] FieldNames = ReadingsCsv.Header.Split(',');

    private static readonly string[] SecondsAndZone = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:sszzz"];

    /// <summary>Reads a row.</summary>
    /// <param name="line">The line, without its line ending.</param>
    /// <param name="reading">The reading, when the row is valid.</param>
    /// <param name="error">What is wrong with it, otherwise (without the line's number).</param>
    /// <returns>Whether the row is valid.</returns>
    public static bool TryParse(string line, [NotNullWhen(true)] out StoredReading? reading, out string error)
    {
        reading = null;
        if (!TrySplit(line, out var fields, out error))
        {
            return false;
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (FirstInvisible(fields[i]) is var invisible && invisible >= 0)
            {
                error = $"the {FieldNames[i]} holds a control or invisible character (U+{(int)fields[i][invisible]:X4})";
                return false;
            }
        }

        var (time, provider, account, kind, currency, amount) =
            (fields[0], fields[1], ReadingsCsv.Unguard(fields[2]), fields[3], fields[4], fields[5]);
        var info = ProviderInfo.Find(provider);
        decimal value = 0;
        error = !TryParseTime(time, out var parsed) ? $"the time {CliText.Quote(time)} is not ISO 8601 with a zone ({Example})"
            : parsed < DateTimeOffset.UnixEpoch ? $"the time {CliText.Quote(time)} is before 1970"
            : info is null ? $"{CliText.Quote(provider)} is not a provider ({string.Join(", ", ProviderInfo.All.Select(p => p.Id))})"
            : string.IsNullOrWhiteSpace(account) ? "the account is empty"
            : !info.Kinds.Contains(kind, StringComparer.Ordinal)
                ? $"{CliText.Quote(kind)} is not a kind of amount of {provider} ({string.Join(", ", info.Kinds)})"
            : currency.Length != 3 || !currency.All(char.IsAsciiLetter)
                ? $"the currency {CliText.Quote(currency)} is not a three-letter code"
            : amount.Length > 0 && !TryParseAmount(amount, out value)
                ? $"the amount {CliText.Quote(amount)} is not an exact decimal number (digits, an optional - and .)"
            : string.Empty;
        if (error.Length > 0)
        {
            return false;
        }

        reading = new StoredReading(parsed, provider, account, kind, currency.ToUpperInvariant(), amount.Length == 0 ? null : value);
        return true;
    }

    private static string Example => ReadingsCsv.Time(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    // Fields separated by commas; a field in double quotes may hold commas and doubled quotes ("" for "). A row is one line.
    private static bool TrySplit(string line, out List<string> fields, out string error)
    {
        fields = [];
        var position = 0;
        while (true)
        {
            string field;
            if (position < line.Length && line[position] == '"')
            {
                if (!TryReadQuoted(line, ref position, out field, out error))
                {
                    error = $"field {fields.Count + 1} {error}";
                    return false;
                }
            }
            else
            {
                var comma = line.IndexOf(',', position);
                field = comma < 0 ? line[position..] : line[position..comma];
                if (field.Contains('"', StringComparison.Ordinal))
                {
                    error = $"field {fields.Count + 1} holds a quote but is not quoted (write \"\" inside a quoted field)";
                    return false;
                }

                position = comma < 0 ? line.Length : comma;
            }

            fields.Add(field);
            if (position == line.Length)
            {
                break;
            }

            // At a comma: a field follows, empty if the line ends here.
            position++;
        }

        var plural = fields.Count == 1 ? string.Empty : "s";
        error = fields.Count == ReadingsCsv.FieldCount
            ? string.Empty
            : $"{fields.Count} field{plural} where {ReadingsCsv.FieldCount} are needed ({ReadingsCsv.Header})";
        return error.Length == 0;
    }

    // From the opening quote at position to just after the closing one, which must end the line or come before a comma.
    private static bool TryReadQuoted(string line, ref int position, out string field, out string error)
    {
        var text = new StringBuilder();
        var i = position + 1;
        while (true)
        {
            var quote = line.IndexOf('"', i);
            if (quote < 0)
            {
                (field, error) = (string.Empty, "opens a quote that the line does not close (a row is one line)");
                return false;
            }

            text.Append(line, i, quote - i);
            if (quote + 1 < line.Length && line[quote + 1] == '"')
            {
                text.Append('"');
                i = quote + 2;
                continue;
            }

            position = quote + 1;
            (field, error) = (text.ToString(), string.Empty);
            if (position < line.Length && line[position] != ',')
            {
                error = "has text after its closing quote";
                return false;
            }

            return true;
        }
    }

    // ISO 8601 with seconds, a fraction of any length (after . or ,) or none, and a zone: Z, or an offset that is converted to UTC.
    // The store keeps milliseconds: further digits are dropped, as the store drops them from the times it records.
    private static bool TryParseTime(string text, out DateTimeOffset time)
    {
        time = default;
        var match = IsoTime().Match(text);
        var secondsAndZone = match.Groups["seconds"].Value + match.Groups["zone"].Value;
        if (!match.Success
            || !DateTimeOffset.TryParseExact(secondsAndZone, SecondsAndZone, CultureInfo.InvariantCulture, TimeStyles, out time))
        {
            return false;
        }

        var milliseconds = match.Groups["fraction"].Value.PadRight(3, '0')[..3];
        time = time.AddMilliseconds(int.Parse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture));
        return true;
    }

    [GeneratedRegex(
        "^(?<seconds>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})([.,](?<fraction>[0-9]+))?(?<zone>Z|[+-][0-9]{2}:[0-9]{2})$",
        RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoTime();

    private static int FirstInvisible(string field)
    {
        for (var i = 0; i < field.Length; i++)
        {
            if (CliText.IsInvisible(field[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // Plain decimal notation only, and exact: 28 digits always fit a decimal; beyond that, the decimal must print back the same
    // number (decimal.Parse rounds what it cannot hold, silently).
    private static bool TryParseAmount(string text, out decimal amount)
    {
        amount = 0;
        var negative = text.StartsWith('-');
        var body = negative ? text.AsSpan(1) : text.AsSpan();
        var point = body.IndexOf('.');
        var whole = point < 0 ? body : body[..point];
        var fraction = point < 0 ? [] : body[(point + 1)..];
        if (whole.IsEmpty || whole.ContainsAnyExceptInRange('0', '9')
            || (point >= 0 && (fraction.IsEmpty || fraction.ContainsAnyExceptInRange('0', '9')))
            || !decimal.TryParse(text, AmountStyles, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }

        if (whole.Length + fraction.Length <= MaxExactDigits)
        {
            return true;
        }

        var digits = whole.TrimStart('0');
        var canonical = (negative && amount != 0 ? "-" : string.Empty) + (digits.IsEmpty ? "0" : digits.ToString())
            + (point < 0 ? string.Empty : "." + fraction.ToString());
        return amount.ToString(CultureInfo.InvariantCulture) == canonical;
    }
}
