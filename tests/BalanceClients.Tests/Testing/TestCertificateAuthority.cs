using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// A certificate authority of the tests' own, trusted by no one else, and a server certificate it issued for 127.0.0.1: a
/// process trusts the server only when it is told to trust this authority (<c>SSL_CERT_FILE</c>, say).
/// </summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    private TestCertificateAuthority(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    /// <summary>The authority's certificate (no private key).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server's certificate, for <c>127.0.0.1</c>, with its private key.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>The authority's certificate as PEM: what a CA bundle holds.</summary>
    public string AuthorityPem => Authority.ExportCertificatePem() + "\n";

    /// <summary>Makes a new authority and a server certificate for 127.0.0.1, valid from an hour ago for a day.</summary>
    public static TestCertificateAuthority Create()
    {
        var now = DateTimeOffset.UtcNow;
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=BalanceClients test authority", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        using var authority = authorityRequest.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(
                authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var issued = serverRequest.Create(authority, now.AddHours(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        using var server = issued.CopyWithPrivateKey(serverKey);

        // Through PKCS#12, so that the key is one that TLS on every platform can use.
        return new TestCertificateAuthority(
            X509CertificateLoader.LoadCertificate(authority.RawData),
            X509CertificateLoader.LoadPkcs12(server.Export(X509ContentType.Pkcs12), null));
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
