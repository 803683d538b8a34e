using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Deploy;

/// <summary>Where the files of <c>deploy/</c> are.</summary>
internal static class DeployFiles
{
    public static string Folder => Path.Combine(RepoPaths.Root, "deploy");

    public static string Prometheus => Path.Combine(Folder, "prometheus");

    public static string AlertRules => Path.Combine(Prometheus, "alerts.yml");

    public static string AlertTests => Path.Combine(Prometheus, "alerts.test.yml");

    public static string Dashboard => Path.Combine(Folder, "grafana", "balances.json");

    public static string Systemd => Path.Combine(Folder, "systemd");

    public static string Kubernetes => Path.Combine(Folder, "kubernetes");
}
