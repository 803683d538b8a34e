using System.Globalization;
using System.Text;

namespace BalanceClients.Cli.History;

/// <summary>
/// The CSV of readings, as <c>balances history --format csv</c> writes it and <c>--import</c> reads it: a header row, then
/// <c>time,provider,account,kind,currency,amount</c>, fields quoted as RFC 4180 quotes them.
/// </summary>
internal static class ReadingsCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "time,provider,account,kind,currency,amount";

    /// <summary>How many fields a row has.</summary>
    public const int FieldCount = 6;

    /// <summary>The format of <c>time</c>: ISO 8601 in UTC, to the millisecond (what the store keeps).</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // A spreadsheet takes a cell that begins with one of these as a formula; the apostrophe is the escape it understands.
    private const string FormulaStarts = "=+-@\t\r'";
    private static readonly char[] QuotedCharacters = [',', '"', '\r', '\n'];

    /// <summary>A reading's time as the CSV (and the JSON) writes it.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// An account's name as a cell: one that a spreadsheet would run as a formula (it begins with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, a tab or a carriage return), or that begins with an apostrophe, gains an apostrophe in front, which
    /// <see cref="Unguard"/> takes away again.
    /// </summary>
    /// <param name="account">The name.</param>
    /// <returns>The cell's text.</returns>
    public static string Guard(string account) =>
        account.Length > 0 && FormulaStarts.Contains(account[0], StringComparison.Ordinal) ? "'" + account : account;

    /// <summary>The account's name from a cell that <see cref="Guard"/> wrote.</summary>
    /// <param name="cell">The cell's text.</param>
    /// <returns>The name.</returns>
    public static string Unguard(string cell) => cell.StartsWith('\'') ? cell[1..] : cell;

    /// <summary>Appends a field, quoted when it holds a comma, a quote or a line break (its quotes doubled).</summary>
    /// <param name="row">The row.</param>
    /// <param name="field">The field.</param>
    /// <returns>The row.</returns>
    public static StringBuilder AppendField(this StringBuilder row, string field) =>
        field.IndexOfAny(QuotedCharacters) < 0
            ? row.Append(field)
            : row.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');

    /// <summary>A reading as one row, without its line ending.</summary>
    /// <param name="reading">The reading.</param>
    /// <param name="row">A builder to write it in (cleared first).</param>
    /// <returns>The row.</returns>
    public static StringBuilder Row(BalanceClients.History.StoredReading reading, StringBuilder row) => row.Clear()
        .Append(Time(reading.Time)).Append(',')
        .AppendField(reading.Provider).Append(',')
        .AppendField(Guard(reading.Account)).Append(',')
        .AppendField(reading.Kind).Append(',')
        .AppendField(reading.Currency).Append(',')
        .Append(reading.Amount?.ToString(CultureInfo.InvariantCulture));
}
