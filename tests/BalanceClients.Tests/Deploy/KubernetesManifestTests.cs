using System.Net;
using YamlDotNet.RepresentationModel;

namespace BalanceClients.Tests.Deploy;

/// <summary>The Kubernetes manifests of <c>deploy/kubernetes</c> fit together and fit what <c>balances serve</c> does.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly YamlNode Deployment = Load("deployment.yaml");
    private static readonly YamlNode Pod = Deployment.At("spec", "template", "spec");
    private static readonly YamlNode Container = Assert.Single(Pod.Items("containers"));

    [Fact]
    public void Deployment_Container_ServesEveryInterfaceOnThePortItDeclares()
    {
        var listen = ServeCommandLine.Listen(Container.Texts("args"));

        Assert.Equal(IPAddress.Any, listen.Host);
        Assert.Equal(9477, listen.Port);
        var port = Assert.Single(Container.Items("ports"));
        Assert.Equal("9477", port.Text("containerPort"));
        Assert.Equal("http", port.Text("name"));
    }

    [Fact]
    public void Deployment_Probes_AskHealthzForLivenessAndReadyzForReadiness()
    {
        Assert.Equal("/healthz", Container.Text("livenessProbe", "httpGet", "path"));
        Assert.Equal("http", Container.Text("livenessProbe", "httpGet", "port"));
        Assert.Equal("/readyz", Container.Text("readinessProbe", "httpGet", "path"));
        Assert.Equal("http", Container.Text("readinessProbe", "httpGet", "port"));
    }

    [Fact]
    public void Deployment_SecurityContext_IsNonRootReadOnlyWithoutPrivilege()
    {
        Assert.Equal("true", Pod.Text("securityContext", "runAsNonRoot"));
        Assert.NotEqual("0", Pod.Text("securityContext", "runAsUser"));
        Assert.Equal("RuntimeDefault", Pod.Text("securityContext", "seccompProfile", "type"));
        Assert.Equal("false", Pod.Text("automountServiceAccountToken"));
        Assert.Equal("true", Container.Text("securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", Container.Text("securityContext", "allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], Container.Texts("securityContext", "capabilities", "drop"));
        Assert.NotEmpty(Container.Text("resources", "requests", "memory"));
        Assert.NotEmpty(Container.Text("resources", "limits", "memory"));
    }

    [Fact]
    public void Deployment_Store_IsOnAWritableVolumeThatOutlivesThePod()
    {
        var store = Assert.Single(Container.Items("env"), variable => variable.Text("name") == "BALANCES_STORE").Text("value");
        var mount = Assert.Single(Container.Items("volumeMounts"), mount => Path.GetDirectoryName(store) == mount.Text("mountPath"));
        var volume = Assert.Single(Pod.Items("volumes"), volume => volume.Text("name") == mount.Text("name"));

        Assert.Equal(Load("persistentvolumeclaim.yaml").Text("metadata", "name"), volume.Text("persistentVolumeClaim", "claimName"));
        Assert.Equal("1", Deployment.Text("spec", "replicas"));
        Assert.Equal("Recreate", Deployment.Text("spec", "strategy", "type"));
    }

    [Fact]
    public void Deployment_Credentials_ComeFromTheExampleSecretOnly()
    {
        var secret = YamlNodes.Load(Path.Combine(DeployFiles.Kubernetes, "secret.example.yaml"));

        var source = Assert.Single(Container.Items("envFrom"));
        Assert.Equal(secret.Text("metadata", "name"), source.Text("secretRef", "name"));
        Assert.DoesNotContain(
            Container.Items("env"), variable => variable.Has("value") && variable.Text("name").EndsWith("_KEY", StringComparison.Ordinal));
        Assert.All(secret.Pairs("stringData"), pair => Assert.StartsWith("replace-with-", pair.Value, StringComparison.Ordinal));
        Assert.Equal("false", Pod.Text("enableServiceLinks"));
    }

    [Fact]
    public void Service_Selector_PicksThePodsAndTheirNamedPort()
    {
        var service = Load("service.yaml");

        var selector = service.At("spec").Pairs("selector");
        Assert.Equal(Deployment.At("spec", "selector").Pairs("matchLabels"), selector);
        Assert.Equal(Deployment.At("spec", "template", "metadata").Pairs("labels"), selector);
        var port = Assert.Single(service.Items("spec", "ports"));
        Assert.Equal("http", port.Text("targetPort"));
        Assert.Equal("9477", port.Text("port"));
    }

    [Fact]
    public void Kustomization_Resources_ExistAndLeaveTheExampleSecretOut()
    {
        var resources = Load("kustomization.yaml").Texts("resources");

        Assert.All(resources, resource => Assert.True(File.Exists(Path.Combine(Base, resource)), resource));
        Assert.Equal(
            Directory.EnumerateFiles(Base, "*.yaml").Select(Path.GetFileName)
                .Where(name => name is not "kustomization.yaml").Order(StringComparer.Ordinal),
            resources.Order(StringComparer.Ordinal));
        Assert.Equal(["base"], YamlNodes.Load(Path.Combine(DeployFiles.Kubernetes, "kustomization.yaml")).Texts("resources"));
        Assert.True(File.Exists(Path.Combine(DeployFiles.Kubernetes, "secret.example.yaml")));
    }

    private static string Base => Path.Combine(DeployFiles.Kubernetes, "base");

    private static YamlNode Load(string name) => YamlNodes.Load(Path.Combine(Base, name));
}
