using System.CommandLine;

namespace BalanceClients.Cli;

/// <summary>The <c>--warn</c> and <c>--min</c> options, as <c>check</c> and <c>serve</c> both take them.</summary>
/// <param name="effect">What each level does, as the command's help says it: <c>check</c>'s exit status, <c>serve</c>'s health.</param>
internal sealed class ThresholdOptions((string Warning, string Critical) effect)
{
    public Option<string[]> Warn { get; } = new("--warn")
    {
        Description = $"Warning level (repeatable): an amount below AMOUNT is at level warning ({effect.Warning}). Same form as --min.",
        HelpName = "ID[.KIND]=AMOUNT",
    };

    public Option<string[]> Min { get; } = new("--min")
    {
        Description = $"Critical level (repeatable): an amount below AMOUNT is low ({effect.Critical}). ID=AMOUNT for the provider's "
            + "primary amount, ID.KIND=AMOUNT for one kind.",
        HelpName = "ID[.KIND]=AMOUNT",
    };

    public IEnumerable<Option> All => [Warn, Min];

    /// <summary>
    /// Reads the thresholds of a command line, in the order given: <c>--warn</c>s, then <c>--min</c>s. The flags about one target
    /// must make a threshold that configuration would take: a <c>--warn</c> below the <c>--min</c> could never warn first.
    /// </summary>
    /// <param name="result">The parsed command line.</param>
    /// <param name="thresholds">The thresholds, each with one level set.</param>
    /// <param name="error">Why one is wrong, otherwise.</param>
    /// <returns>Whether all are valid.</returns>
    public bool TryRead(ParseResult result, out List<BalanceThreshold> thresholds, out string error)
    {
        thresholds = [];
        var flags = new List<string>();
        foreach (var (flag, values) in new[] { ("--warn", result.GetValue(Warn)), ("--min", result.GetValue(Min)) })
        {
            foreach (var text in values ?? [])
            {
                if (!ThresholdFlag.TryParse(flag, text, out var threshold, out error))
                {
                    return false;
                }

                thresholds.Add(threshold);
                flags.Add($"{flag} {CliText.Quote(text)}");
            }
        }

        foreach (var target in new BalanceThresholds(thresholds).All)
        {
            if (target.LevelContradictions().FirstOrDefault() is { } contradiction)
            {
                var given = thresholds.Select((threshold, i) => (threshold, i)).Where(pair => pair.threshold.HasSameTarget(target));
                error = $"{string.Join(" and ", given.Select(pair => flags[pair.i]))}: {contradiction}.";
                return false;
            }
        }

        error = string.Empty;
        return true;
    }
}
