using System.Text.Json;
using System.Text.RegularExpressions;

namespace BalanceClients.Tests.Deploy;

/// <summary>One PromQL query of a Grafana dashboard: a panel's target, or a variable's query.</summary>
/// <param name="Where">Which panel or variable asks it.</param>
/// <param name="Expression">The PromQL, as Prometheus receives it: Grafana's variables replaced by values of the right form.</param>
internal sealed partial record DashboardQuery(string Where, string Expression)
{
    /// <summary>Every query of the dashboard file: its panels' targets, then its query variables.</summary>
    public static IReadOnlyList<DashboardQuery> ReadAll(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var targets = root.GetProperty("panels").EnumerateArray().SelectMany(panel => panel.GetProperty("targets").EnumerateArray()
            .Select(target => new DashboardQuery($"panel '{panel.GetProperty("title")}'", Expanded(Text(target, "expr")))));
        var variables = root.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Where(variable => Text(variable, "type") == "query")
            .Select(variable => new DashboardQuery(
                $"variable '{Text(variable, "name")}'", Expanded(Selector(Text(variable.GetProperty("query"), "query")))));
        return [.. targets, .. variables];
    }

    // Grafana's label_values(SELECTOR, LABEL) asks Prometheus for SELECTOR's series.
    private static string Selector(string query) =>
        LabelValues().Match(query) is { Success: true } match ? match.Groups["selector"].Value : query;

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static string Expanded(string query) =>
        Variable().Replace(query, match => match.Groups["name"].Value is "__interval" or "__rate_interval" or "__range" ? "5m" : ".*");

    [GeneratedRegex(@"^\s*label_values\((?<selector>.*),\s*\w+\s*\)\s*$")]
    private static partial Regex LabelValues();

    [GeneratedRegex(@"\$\{?(?<name>\w+)\}?")]
    private static partial Regex Variable();
}
