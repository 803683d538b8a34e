namespace BalanceClients.Cli.History;

/// <summary>
/// A trend in one line of block characters (▁▂▃▄▅▆▇█), one per slice of time: the last amount of each slice, scaled from the lowest
/// amount to the highest; a space where a slice has no amount; all ▄ when the amount never changed.
/// </summary>
internal static class Sparkline
{
    private const string Levels = "▁▂▃▄▅▆▇█";

    /// <summary>Draws the amounts.</summary>
    /// <param name="slices">The last amount of each slice of time, oldest first; <see langword="null"/> for none.</param>
    /// <returns>The line, one character per slice.</returns>
    public static string Draw(IReadOnlyList<decimal?> slices)
    {
        var amounts = slices.OfType<decimal>().ToList();
        if (amounts.Count == 0)
        {
            return new string(' ', slices.Count);
        }

        // In double: only the height of a bar is wanted, and the difference of two extreme decimals would overflow a decimal.
        var (low, high) = ((double)amounts.Min(), (double)amounts.Max());
        var line = new char[slices.Count];
        for (var i = 0; i < slices.Count; i++)
        {
            line[i] = slices[i] is not { } amount ? ' '
                : high <= low ? Levels[(Levels.Length / 2) - 1]
                : Levels[(int)Math.Round(((double)amount - low) / (high - low) * (Levels.Length - 1))];
        }

        return new string(line);
    }
}
