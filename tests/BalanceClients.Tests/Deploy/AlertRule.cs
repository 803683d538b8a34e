namespace BalanceClients.Tests.Deploy;

/// <summary>One alerting rule of a Prometheus rule file.</summary>
/// <param name="Name">The alert's name.</param>
/// <param name="Expression">Its PromQL expression.</param>
/// <param name="Labels">The labels it adds.</param>
/// <param name="Annotations">Its annotations, templates unexpanded.</param>
internal sealed record AlertRule(
    string Name, string Expression, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>The alerting rules of every group of a rule file, in order.</summary>
    public static IReadOnlyList<AlertRule> ReadAll(string path) =>
    [
        .. YamlNodes.Load(path).Items("groups")
            .SelectMany(group => group.Items("rules"))
            .Where(rule => rule.Has("alert"))
            .Select(rule => new AlertRule(rule.Text("alert"), rule.Text("expr"), rule.Pairs("labels"), rule.Pairs("annotations"))),
    ];
}
