using System.Text.RegularExpressions;

namespace BalanceClients.Tests.Deploy;

/// <summary>
/// The metric names a PromQL expression selects. Not a parser: strings, label matchers, the label lists of grouping and matching
/// (with their keyword) and ranges are dropped; of the identifiers left, those that are not calls or keywords are metric names.
/// </summary>
internal static partial class PromQlMetricNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "inf", "nan",
    };

    /// <summary>The metric names <paramref name="expression"/> selects, in the order they first appear.</summary>
    public static IReadOnlyList<string> Of(string expression)
    {
        var text = Strings().Replace(expression, "\"\"");
        text = Matchers().Replace(text, " ");
        text = LabelLists().Replace(text, " ");
        text = Ranges().Replace(text, " ");
        return
        [
            .. Identifiers().Matches(text)
                .Where(match => !match.Groups["call"].Success && !Keywords.Contains(match.Groups["name"].Value.ToLowerInvariant()))
                .Select(match => match.Groups["name"].Value)
                .Distinct(StringComparer.Ordinal),
        ];
    }

    [GeneratedRegex("""
        "(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`
        """)]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex LabelLists();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"(?<![\w.:])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifiers();
}
