using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BalanceClients.Cli;
using BalanceClients.Cli.Serve;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// <c>--tls-cert FILE --tls-key FILE</c> (PEM) serve HTTPS instead of HTTP, with the chain that follows the certificate in its file;
/// a missing half, an unreadable file or a key that is not the certificate's is exit 64 in one line that never quotes the key.
/// </summary>
public sealed class ServeTlsTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoVariables = [];
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    public async Task Serve_WithCertificateAndKey_AnswersOverHttpsOnlyWithThatCertificate()
    {
        using var authority = Authority("balances test authority");
        using var server = Issue(authority, "127.0.0.1");
        var (certificate, key) = WritePem(server, authority);

        await using var serve = await WatchedServe.StartAsync(
            NoVariables, "--demo", "--listen", "127.0.0.1:0", "--tls-cert", certificate, "--tls-key", key);

        Assert.Equal("https", serve.BaseUrl.Scheme);
        X509Certificate2? presented = null;
        using var https = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    presented = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    return TrustedBy(authority, certificate);
                },
            },
        }) { BaseAddress = serve.BaseUrl, Timeout = Bounded.Limit };
        await WatchedServe.WaitUntilReadyAsync(https);
        using var metrics = await https.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("balances_amount{", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(server.Thumbprint, presented?.Thumbprint);

        using var plain = new HttpClient { Timeout = Bounded.Limit };
        await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync(new Uri($"http://127.0.0.1:{serve.BaseUrl.Port}/healthz")));
        Assert.DoesNotContain("PRIVATE KEY", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CertificateFileWithItsChain_SendsTheChainAfterTheServersCertificate()
    {
        using var root = Authority("balances test root");
        using var intermediate = Issue(root, "balances test intermediate", authority: true);
        using var server = Issue(intermediate, "127.0.0.1");
        var (certificate, key) = WritePem(server, intermediate);

        var tls = ServeTls.Read(Settings(certificate, key), new ConfigurationBuilder().Build());

        Assert.Equal(server.Thumbprint, tls?.ServerCertificate?.Thumbprint);
        Assert.True(tls?.ServerCertificate is X509Certificate2 { HasPrivateKey: true });
        Assert.Equal([intermediate.Thumbprint], tls!.ServerCertificateChain!.Select(c => c.Thumbprint));
    }

    [Fact]
    public void Read_FromConfiguration_WhenTheCommandLineSaysNothing()
    {
        using var authority = Authority("balances test authority");
        using var server = Issue(authority, "127.0.0.1");
        var (certificate, key) = WritePem(server, authority);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Balances:Serve:TlsCertificate"] = certificate,
            ["Balances:Serve:TlsKey"] = key,
        }).Build();

        Assert.Equal(server.Thumbprint, ServeTls.Read(Settings(null, null), configuration)?.ServerCertificate?.Thumbprint);
        Assert.Null(ServeTls.Read(Settings(null, null), new ConfigurationBuilder().Build()));
        var halfConfigured = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Balances:Serve:TlsKey"] = key }).Build();
        Assert.Equal(
            "Balances:Serve:TlsKey needs Balances:Serve:TlsCertificate too: HTTPS needs the certificate and its key.",
            Assert.Throws<BalanceClients.Configuration.BalanceConfigurationException>(
                () => ServeTls.Read(Settings(null, null), halfConfigured)).Message);
    }

    [Fact]
    public async Task Serve_TlsMistakes_ExitSixtyFourInOneLineThatNeverQuotesTheKey()
    {
        using var authority = Authority("balances test authority");
        using var server = Issue(authority, "127.0.0.1");
        using var other = Issue(authority, "127.0.0.1");
        var (certificate, key) = WritePem(server, authority);
        var otherKey = _folder.File("other.key");
        await File.WriteAllTextAsync(otherKey, other.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var missing = _folder.File("missing.pem");

        (string[] Args, string Line)[] cases =
        [
            (["--tls-cert", certificate], $"balances: --tls-cert needs --tls-key too: HTTPS needs the certificate and its key.\n"),
            (["--tls-key", key], $"balances: --tls-key needs --tls-cert too: HTTPS needs the certificate and its key.\n"),
            (["--tls-cert", missing, "--tls-key", key], $"balances: --tls-cert '{missing}' cannot be read: "),
            (["--tls-cert", key, "--tls-key", key], $"balances: --tls-cert '{key}' holds no PEM certificate.\n"),
            (["--tls-cert", certificate, "--tls-key", otherKey],
                $"balances: --tls-key '{otherKey}' is not the PEM private key of --tls-cert.\n"),
        ];
        foreach (var (args, line) in cases)
        {
            var run = await CliRun.InProcessAsync(NoVariables, isTerminal: false, ["serve", "--demo", "--listen", "127.0.0.1:0", .. args]);

            Assert.Equal(64, run.ExitCode);
            Assert.StartsWith(line, run.Error, StringComparison.Ordinal);
            Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
            Assert.DoesNotContain("PRIVATE KEY", run.Error, StringComparison.Ordinal);
        }
    }

    private static ServeSettings Settings(string? certificate, string? key) =>
        new(ListenAddress.Parse("127.0.0.1:0")!, null, [], Demo: true, null, null, Verbose: false, LogFormat.Text, certificate, key);

    private static X509Certificate2 Authority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 issuer, string name, bool authority = false)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(authority, false, 0, true));
        if (!authority)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Parse(name));
            request.CertificateExtensions.Add(names.Build());
        }
        else
        {
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        }

        var notAfter = new DateTimeOffset(issuer.NotAfter.ToUniversalTime()).AddHours(-1);
        using var issued = request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), notAfter, RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }

    // The server's certificate then its issuer in one file, and the server's key in another.
    private (string Certificate, string Key) WritePem(X509Certificate2 server, X509Certificate2 issuer)
    {
        var certificate = _folder.File($"{Guid.NewGuid():N}.crt");
        var key = _folder.File($"{Guid.NewGuid():N}.key");
        File.WriteAllText(certificate, server.ExportCertificatePem() + "\n" + issuer.ExportCertificatePem() + "\n");
        File.WriteAllText(key, server.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (certificate, key);
    }

    private static bool TrustedBy(X509Certificate2 authority, X509Certificate? presented)
    {
        if (presented is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(X509CertificateLoader.LoadCertificate(presented.GetRawCertData()));
    }
}
