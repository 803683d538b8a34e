using System.Text.RegularExpressions;
using BalanceClients.Output;

namespace BalanceClients.Tests.Deploy;

/// <summary>The alert rules and the dashboard ask only for metrics that <c>balances serve</c> exposes on <c>/metrics</c>.</summary>
public sealed partial class QueriedMetricsTests
{
    // Prometheus itself makes `up` for every scrape target: the rules watch the monitor's own health with it.
    private static readonly string[] MadeByPrometheus = ["up"];

    // The families of /metrics: each is written with its # HELP and # TYPE lines whether or not it has samples.
    private static readonly HashSet<string> Exposed =
    [
        .. MonitorExposition.Families.Concat(WebhookExposition.Families).Concat(ProcessMetrics.Families).Select(family => family.Name),
        .. MadeByPrometheus,
    ];

    [Fact]
    public void AlertRules_Expressions_QueryOnlyExposedMetrics()
    {
        var unknown = AlertRule.ReadAll(DeployFiles.AlertRules)
            .SelectMany(rule => Unexposed(PromQlMetricNames.Of(rule.Expression)).Select(name => $"{rule.Name}: {name}"))
            .ToList();

        Assert.True(unknown.Count == 0, Message(unknown));
    }

    [Fact]
    public void AlertRules_Annotations_QueryOnlyExposedMetrics()
    {
        var unknown = AlertRule.ReadAll(DeployFiles.AlertRules)
            .SelectMany(rule => Unexposed(rule.Annotations.Values.SelectMany(MetricsNamedIn)).Select(name => $"{rule.Name}: {name}"))
            .ToList();

        Assert.True(unknown.Count == 0, Message(unknown));
    }

    [Fact]
    public void Dashboard_Queries_QueryOnlyExposedMetrics()
    {
        var queries = DashboardQuery.ReadAll(DeployFiles.Dashboard);
        var unknown = queries
            .SelectMany(query => Unexposed(PromQlMetricNames.Of(query.Expression)).Select(name => $"{query.Where}: {name}"))
            .ToList();

        Assert.NotEmpty(queries);
        Assert.True(unknown.Count == 0, Message(unknown));
    }

    [Fact]
    public void AlertRulesAndDashboard_Together_WatchEveryBalancesFamilyButTheRedundantOnes()
    {
        var queried = AlertRule.ReadAll(DeployFiles.AlertRules).Select(rule => rule.Expression)
            .Concat(DashboardQuery.ReadAll(DeployFiles.Dashboard).Select(query => query.Expression))
            .SelectMany(PromQlMetricNames.Of)
            .ToHashSet(StringComparer.Ordinal);

        // balances_low is balances_level == 2 under its older name, kept for check's users; balances_runway_seconds is the
        // runway's end less the time of the last reading, and the rules and dashboard count from the end itself, which does not
        // freeze while an account's checks fail.
        string[] redundant = ["balances_low", "balances_runway_seconds"];
        Assert.Equal(
            MonitorExposition.Families.Concat(WebhookExposition.Families)
                .Select(family => family.Name)
                .Except(redundant)
                .Order(StringComparer.Ordinal),
            queried.Where(name => name.StartsWith("balances_", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    // The templates of annotations query Prometheus too, with metric names inside strings.
    private static IEnumerable<string> MetricsNamedIn(string template) => BalancesMetric().Matches(template).Select(match => match.Value);

    private static IEnumerable<string> Unexposed(IEnumerable<string> names) => names.Where(name => !Exposed.Contains(name));

    private static string Message(IReadOnlyCollection<string> unknown) =>
        $"Not exposed by /metrics ({string.Join(", ", Exposed.Order(StringComparer.Ordinal))}):\n{string.Join('\n', unknown)}";

    [GeneratedRegex(@"\bbalances_[a-z_]+")]
    private static partial Regex BalancesMetric();
}
