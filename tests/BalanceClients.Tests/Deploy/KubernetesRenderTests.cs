using System.Text.Json.Nodes;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;
using YamlDotNet.RepresentationModel;

namespace BalanceClients.Tests.Deploy;

/// <summary>
/// <c>kubectl kustomize</c> renders <c>deploy/kubernetes</c>, alone and with its Prometheus Operator component, offline; the
/// rendered objects run the image that <c>deploy/container/build.sh</c> makes, and the PrometheusRule is <c>alerts.yml</c>.
/// </summary>
public sealed class KubernetesRenderTests
{
    private const string Kubectl = "/usr/bin/kubectl";
    private const string KubectlWhence =
        "kubectl 1.32 with kustomize 5.5 comes installed on these machines; Debian's 1.20 lacks components";
    private static readonly string Component = Path.Combine(DeployFiles.Kubernetes, "prometheus-operator");

    [FactWhenInstalled(Kubectl, whence: KubectlWhence)]
    public async Task Kustomize_Base_RunsTheLocalImageAtTheToolsVersionWithItsStoreOnTheClaim()
    {
        var objects = await RenderAsync(DeployFiles.Kubernetes);

        Assert.Equal(
            ["Deployment/balances", "NetworkPolicy/balances", "PersistentVolumeClaim/balances-state", "Service/balances"], Names(objects));
        var pod = Single(objects, "Deployment").At("spec", "template", "spec");
        var container = Assert.Single(pod.Items("containers"));
        Assert.Equal(ToolVersion.ImageName, container.Text("image"));
        Assert.Equal("IfNotPresent", container.Text("imagePullPolicy"));
        Assert.Equal("65532", pod.Text("securityContext", "runAsUser"));
        var mount = Assert.Single(container.Items("volumeMounts"), mount => mount.Text("mountPath") == "/var/lib/balances");
        var volume = Assert.Single(pod.Items("volumes"), volume => volume.Text("name") == mount.Text("name"));
        Assert.Equal(Single(objects, "PersistentVolumeClaim").Text("metadata", "name"), volume.Text("persistentVolumeClaim", "claimName"));
    }

    [FactWhenInstalled(Kubectl, whence: KubectlWhence)]
    public async Task Kustomize_Base_AdmitsOnlyPrometheusToThePodsPortAndLeavesItsRequestsOut()
    {
        var objects = await RenderAsync(DeployFiles.Kubernetes);

        var policy = Single(objects, "NetworkPolicy").At("spec");
        var pod = Single(objects, "Deployment").At("spec", "template");
        Assert.Equal(pod.At("metadata").Pairs("labels"), policy.At("podSelector").Pairs("matchLabels"));
        Assert.Equal(["Ingress"], policy.Texts("policyTypes"));
        var rule = Assert.Single(policy.Items("ingress"));
        var from = Assert.Single(rule.Items("from"));
        Assert.Equal(
            new Dictionary<string, string> { ["app.kubernetes.io/name"] = "prometheus" }, from.At("podSelector").Pairs("matchLabels"));
        Assert.True(from.Has("namespaceSelector") && from.Pairs("namespaceSelector").Count == 0, "the scraper may be in any namespace");
        var port = Assert.Single(rule.Items("ports"));
        var container = Assert.Single(pod.At("spec").Items("containers"));
        Assert.Contains(container.Items("ports"), declared => declared.Text("name") == port.Text("port"));
    }

    [FactWhenInstalled(Kubectl, whence: KubectlWhence)]
    public async Task Kustomize_WithPrometheusOperator_ScrapesTheServiceAsJobBalancesAndLoadsAlertsYml()
    {
        var overlay = Directory.CreateTempSubdirectory("balances-kustomize-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(overlay.FullName, "kustomization.yaml"), $"""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [{Path.GetRelativePath(overlay.FullName, DeployFiles.Kubernetes)}]
                components: [{Path.GetRelativePath(overlay.FullName, Component)}]
                """);

            var objects = await RenderAsync(overlay.FullName);

            Assert.Equal(
                [
                    "Deployment/balances", "NetworkPolicy/balances", "PersistentVolumeClaim/balances-state", "PrometheusRule/balances",
                    "Service/balances", "ServiceMonitor/balances",
                ],
                Names(objects));
            var service = Single(objects, "Service");
            var monitor = Single(objects, "ServiceMonitor").At("spec");
            Assert.Equal(service.At("metadata").Pairs("labels"), monitor.At("selector").Pairs("matchLabels"));
            var endpoint = Assert.Single(monitor.Items("endpoints"));
            Assert.Contains(service.Items("spec", "ports"), port => port.Text("name") == endpoint.Text("port"));
            Assert.Equal("/metrics", endpoint.Text("path"));
            // The Operator names the job after the Service: the job that BalancesMonitorDown watches.
            var job = $"job=\"{service.Text("metadata", "name")}\"";
            Assert.Contains(job, await File.ReadAllTextAsync(DeployFiles.AlertRules), StringComparison.Ordinal);

            // The same groups, rules, expressions, labels and annotations, whatever the order of their keys once rendered.
            var rules = JsonNode.Parse(SpecExamples.ToJson(YamlNodes.Load(DeployFiles.AlertRules)));
            var rendered = JsonNode.Parse(SpecExamples.ToJson(Single(objects, "PrometheusRule").At("spec")));
            Assert.True(JsonNode.DeepEquals(rules, rendered), $"alerts.yml:\n{rules}\nthe PrometheusRule's spec:\n{rendered}");
        }
        finally
        {
            overlay.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task PrometheusRule_Committed_IsWhatGenerateShMakesOfAlertsYml()
    {
        var generated = Path.Combine(Path.GetTempPath(), $"balances-prometheusrule-{Guid.NewGuid():N}.yaml");
        try
        {
            var run = await ToolRun.RunAsync("bash", Component, "generate.sh", generated);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.True(
                await File.ReadAllTextAsync(generated) == await File.ReadAllTextAsync(Path.Combine(Component, "prometheusrule.yaml")),
                "prometheusrule.yaml differs from alerts.yml: run deploy/kubernetes/prometheus-operator/generate.sh and commit it");
        }
        finally
        {
            File.Delete(generated);
        }
    }

    [FactWhenInstalled(Kubectl, whence: KubectlWhence)]
    public async Task Kustomize_Ha_TwoReplicasRollingOnThePostgreSqlStoreOfTheSecretWithADisruptionBudget()
    {
        var objects = await RenderAsync(Path.Combine(DeployFiles.Kubernetes, "ha"));

        Assert.Equal(
            ["Deployment/balances", "NetworkPolicy/balances", "PodDisruptionBudget/balances", "Service/balances"], Names(objects));
        var deployment = Single(objects, "Deployment").At("spec");
        Assert.Equal(("2", "RollingUpdate", "0"), (
            deployment.Text("replicas"),
            deployment.Text("strategy", "type"),
            deployment.Text("strategy", "rollingUpdate", "maxUnavailable")));
        var pod = deployment.At("template", "spec");
        var container = Assert.Single(pod.Items("containers"));
        Assert.Equal(ToolVersion.ImageName, container.Text("image"));
        var store = Assert.Single(container.Items("env"), variable => variable.Text("name") == "BALANCES_STORE");
        Assert.False(store.Has("value"), "the store's URI comes from the Secret alone");
        Assert.Equal(("balances-store", "BALANCES_STORE"), (
            store.Text("valueFrom", "secretKeyRef", "name"), store.Text("valueFrom", "secretKeyRef", "key")));
        Assert.DoesNotContain(container.Items("volumeMounts"), mount => mount.Text("mountPath") == "/var/lib/balances");
        Assert.DoesNotContain(pod.Items("volumes"), volume => volume.Has("persistentVolumeClaim"));
        var budget = Single(objects, "PodDisruptionBudget").At("spec");
        Assert.Equal("1", budget.Text("minAvailable"));
        Assert.Equal(deployment.At("selector").Pairs("matchLabels"), budget.At("selector").Pairs("matchLabels"));
        var secret = YamlNodes.Load(Path.Combine(DeployFiles.Kubernetes, "ha", "secret-store.example.yaml"));
        Assert.Equal("balances-store", secret.Text("metadata", "name"));
        Assert.StartsWith("postgresql://", secret.Text("stringData", "BALANCES_STORE"), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<YamlNode>> RenderAsync(string folder)
    {
        var run = await ToolRun.RunAsync(Kubectl, folder, "kustomize", ".");
        Assert.True(run.ExitCode == 0, run.ToString());
        var stream = new YamlStream();
        stream.Load(new StringReader(run.Out));
        return [.. stream.Documents.Select(document => document.RootNode)];
    }

    private static string[] Names(IEnumerable<YamlNode> objects) =>
        [.. objects.Select(item => $"{item.Text("kind")}/{item.Text("metadata", "name")}").Order(StringComparer.Ordinal)];

    private static YamlNode Single(IEnumerable<YamlNode> objects, string kind) => Assert.Single(objects, item => item.Text("kind") == kind);
}
