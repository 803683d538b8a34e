using BalanceClients.Tests.Testing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BalanceClients.Tests.Deploy;

/// <summary>The Prometheus files of <c>deploy/</c> pass promtool's checks, and the alert rules their unit tests.</summary>
public sealed class PrometheusRulesTests
{
    private const string Promtool = "/usr/bin/promtool";
    private static readonly string[] Severities = ["critical", "warning"];

    [FactWhenInstalled(Promtool)]
    public async Task CheckRules_AlertRules_AreValid()
    {
        var run = await PromtoolAsync("check", "rules", DeployFiles.AlertRules);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"SUCCESS: {AlertRule.ReadAll(DeployFiles.AlertRules).Count} rules found", run.Out, StringComparison.Ordinal);
    }

    [FactWhenInstalled(Promtool)]
    public async Task TestRules_AlertTests_AllPass()
    {
        var run = await PromtoolAsync("test", "rules", DeployFiles.AlertTests);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("SUCCESS", run.Out, StringComparison.Ordinal);
    }

    [FactWhenInstalled(Promtool)]
    public async Task CheckConfig_ExampleConfiguration_IsValidAndLoadsTheAlertRules()
    {
        var run = await PromtoolAsync("check", "config", "prometheus.yml");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rules = AlertRule.ReadAll(DeployFiles.AlertRules).Count;
        Assert.Contains($"Checking alerts.yml\n  SUCCESS: {rules} rules found", run.Out, StringComparison.Ordinal);
    }

    [FactWhenInstalled(Promtool)]
    public async Task CheckRules_DashboardQueries_AreValidPromQl()
    {
        var queries = DashboardQuery.ReadAll(DeployFiles.Dashboard);
        var rules = new YamlSequenceNode(queries.Select((query, index) => new YamlMappingNode(
            "record", $"dashboard:query_{index}", "expr", new YamlScalarNode(query.Expression) { Style = ScalarStyle.DoubleQuoted })));
        var file = Path.Combine(Path.GetTempPath(), $"balances-dashboard-rules-{Guid.NewGuid():N}.yml");
        try
        {
            await using (var writer = File.CreateText(file))
            {
                var groups = new YamlSequenceNode(new YamlMappingNode("name", "dashboard", "rules", rules));
                new YamlStream(new YamlDocument(new YamlMappingNode("groups", groups))).Save(writer, assignAnchors: false);
            }

            var run = await PromtoolAsync("check", "rules", file);

            Assert.True(run.ExitCode == 0, $"{string.Join('\n', queries)}\n{run}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AlertTests_EveryAlert_IsTestedFiringAndSilent()
    {
        var cases = YamlNodes.Load(DeployFiles.AlertTests).Items("tests")
            .SelectMany(test => test.Items("alert_rule_test"))
            .Select(test => (Alert: test.Text("alertname"), Fires: test.Items("exp_alerts").Count > 0))
            .ToList();

        Assert.All(AlertRule.ReadAll(DeployFiles.AlertRules), rule =>
        {
            Assert.True(cases.Contains((rule.Name, true)), $"{rule.Name}: no test where it fires");
            Assert.True(cases.Contains((rule.Name, false)), $"{rule.Name}: no test where it stays silent");
        });
    }

    [Fact]
    public void AlertRules_Every_HasASeverityASummaryAndADescription()
    {
        Assert.All(AlertRule.ReadAll(DeployFiles.AlertRules), rule =>
        {
            Assert.Contains(rule.Labels.GetValueOrDefault("severity"), Severities);
            Assert.False(string.IsNullOrWhiteSpace(rule.Annotations.GetValueOrDefault("summary")), rule.Name);
            Assert.False(string.IsNullOrWhiteSpace(rule.Annotations.GetValueOrDefault("description")), rule.Name);
        });
    }

    private static Task<ToolRun> PromtoolAsync(params string[] args) =>
        ToolRun.RunAsync(Promtool, DeployFiles.Prometheus, args);
}
