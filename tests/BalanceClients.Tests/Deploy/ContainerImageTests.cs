using System.Formats.Tar;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Deploy;

/// <summary>
/// The OCI image archive of <c>deploy/container/build.sh</c>, as a container engine reads it: its name, its configuration, and a
/// root file system that holds the executable, the libraries it loads, the CA certificates and its user, and nothing else.
/// </summary>
public sealed class ContainerImageTests
{
    private const string Volume = "var/lib/balances";
    private const string Skopeo = "/usr/bin/skopeo";
    private const string Podman = "/usr/bin/podman";

    private static readonly string[] Shipped =
    [
        "etc/group", "etc/passwd", "etc/ssl/certs/ca-certificates.crt",
        "lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libc.so.6", "lib/x86_64-linux-gnu/libm.so.6",
        "lib64/ld-linux-x86-64.so.2",
        "usr/lib/ssl/cert.pem", "usr/lib/ssl/certs",
        "usr/lib/x86_64-linux-gnu/libcrypto.so.3", "usr/lib/x86_64-linux-gnu/libssl.so.3",
        "usr/local/bin/balances",
        "usr/share/doc/ca-certificates/copyright", "usr/share/doc/libc6/copyright", "usr/share/doc/libssl3/copyright",
    ];

    private static OciImageArchive Image => OciImageArchive.Read();

    private static JsonElement Config => Image.Config.GetProperty("config");

    [FactWhenImage]
    public void Config_EntryPointAndCommand_ServeOnEveryInterfaceAsUser65532()
    {
        Assert.Equal("65532:65532", Config.GetProperty("User").GetString());
        Assert.Equal(["balances"], Texts(Config.GetProperty("Entrypoint")));
        var listen = ServeCommandLine.Listen(Texts(Config.GetProperty("Cmd")));
        Assert.Equal(IPAddress.Any, listen.Host);
        Assert.Equal(9477, listen.Port);
        Assert.Equal(["9477/tcp"], Config.GetProperty("ExposedPorts").EnumerateObject().Select(port => port.Name));
        Assert.Equal("amd64", Image.Config.GetProperty("architecture").GetString());
        Assert.Equal("linux", Image.Config.GetProperty("os").GetString());
    }

    [FactWhenImage]
    public void Config_Store_IsInAVolumeThatItsUserOwns()
    {
        var environment = Texts(Config.GetProperty("Env"));
        Assert.Contains("BALANCES_STORE=/var/lib/balances/balances.db", environment);
        // The Prometheus output and an import from standard input write temporary files: there, the one writable folder.
        Assert.Contains("TMPDIR=/var/lib/balances", environment);
        Assert.Equal(["/" + Volume], Config.GetProperty("Volumes").EnumerateObject().Select(volume => volume.Name));
        var folder = Assert.Single(Image.Entries, entry => entry.Path == Volume);
        Assert.Equal((TarEntryType.Directory, 65532, 65532), (folder.Type, folder.Uid, folder.Gid));
    }

    [FactWhenImage]
    public void Index_Name_IsLocalhostBalancesAtTheToolsVersionWithItsLabels()
    {
        var name = ToolVersion.ImageName;
        var annotations = Image.ManifestDescriptor.GetProperty("annotations");
        Assert.Equal(name, annotations.GetProperty("org.opencontainers.image.ref.name").GetString());
        Assert.Equal(name, annotations.GetProperty("io.containerd.image.name").GetString());

        var labels = Config.GetProperty("Labels");
        Assert.Equal(ToolVersion.Version, labels.GetProperty("org.opencontainers.image.version").GetString());
        var revision = labels.GetProperty("org.opencontainers.image.revision").GetString();
        Assert.True(
            revision == ToolVersion.Revision,
            $"the image was built from {revision}, these tests from {ToolVersion.Revision}: rebuild it (deploy/container/build.sh)");
        Assert.NotEmpty(labels.GetProperty("org.opencontainers.image.source").GetString()!);
    }

    [FactWhenImage]
    public void Rootfs_Files_AreTheExecutableItsLibrariesCertificatesAndUsersOnly()
    {
        var files = Image.Entries.Where(entry => entry.Type is not TarEntryType.Directory).Select(entry => entry.Path);

        // No shell, no package manager, no other program: what the executable needs and the Debian copyright files of it.
        Assert.Equal(Shipped, files.Order(StringComparer.Ordinal));
    }

    [FactWhenImage]
    public void Rootfs_NothingButTheVolume_IsWritableByItsUser()
    {
        const UnixFileMode writableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

        var writable = Image.Entries.Where(entry => entry.Type is not TarEntryType.SymbolicLink)
            .Where(entry => entry.Uid != 0 || entry.Gid != 0 || (entry.Mode & writableByOthers) != UnixFileMode.None)
            .Select(entry => entry.Path);

        Assert.Equal([Volume], writable);
        var passwd = Encoding.UTF8.GetString(Image.File("etc/passwd")).Split('\n');
        Assert.Contains(passwd, line => line.Split(':') is [_, _, "65532", "65532", _, "/var/lib/balances", _]);
    }

    [FactWhenImage]
    public void CaBundle_HoldsTheUsualPublicRoots()
    {
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPem(Encoding.ASCII.GetString(Image.File("etc/ssl/certs/ca-certificates.crt")));

        Assert.True(bundle.Count > 100, $"{bundle.Count} certificates");
        var subjects = bundle.Select(certificate => certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false)).ToHashSet();
        foreach (var root in new[]
        {
            "ISRG Root X1", "DigiCert Global Root G2", "GlobalSign Root CA", "Amazon Root CA 1", "GTS Root R1",
            "USERTrust RSA Certification Authority", "Baltimore CyberTrust Root",
        })
        {
            Assert.Contains(root, subjects);
        }

        var openSslDefault = Assert.Single(Image.Entries, entry => entry.Path == "usr/lib/ssl/cert.pem");
        Assert.Equal("/etc/ssl/certs/ca-certificates.crt", openSslDefault.LinkName);
    }

    [FactWhenImage(program: Skopeo, package: "skopeo")]
    public async Task SkopeoCopy_OciArchive_TakesTheImageAsBuilt()
    {
        var folder = Directory.CreateTempSubdirectory("balances-skopeo-");
        try
        {
            var copy = await ToolRun.RunAsync(
                Skopeo, folder.FullName, "copy", "--quiet", $"oci-archive:{OciImageArchive.PathOfBuilt}", "oci:layout:copied");
            Assert.True(copy.ExitCode == 0, copy.ToString());

            var inspect = await ToolRun.RunAsync(Skopeo, folder.FullName, "inspect", "--config", "oci:layout:copied");
            Assert.True(inspect.ExitCode == 0, inspect.ToString());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Image.Config.GetRawText()), JsonNode.Parse(inspect.Out)), inspect.Out);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [FactWhenImage(runs: true, program: Podman, package: "podman")]
    public async Task PodmanLoad_Archive_NamesItLocalhostBalancesAtTheToolsVersion()
    {
        // A store of podman's own in a folder of the test's, on plain files (vfs): the machine's images stay as they are.
        var folder = Directory.CreateTempSubdirectory("balances-podman-");
        try
        {
            string[] podman = ["--root", Path.Combine(folder.FullName, "root"), "--runroot", Path.Combine(folder.FullName, "run"),
                "--storage-driver", "vfs", "--events-backend", "none"];
            var load = await ToolRun.RunAsync(Podman, folder.FullName, [.. podman, "load", "--input", OciImageArchive.PathOfBuilt]);
            Assert.True(load.ExitCode == 0, load.ToString());

            var images = await ToolRun.RunAsync(Podman, folder.FullName, [.. podman, "images", "--format", "{{.Repository}}:{{.Tag}}"]);
            Assert.Equal(ToolVersion.ImageName, images.Out.Trim());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string[] Texts(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];
}
