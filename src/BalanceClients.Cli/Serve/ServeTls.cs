using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BalanceClients.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Cli.Serve;

/// <summary>
/// The certificate <c>balances serve</c> serves HTTPS with: <c>--tls-cert</c> and <c>--tls-key</c> (PEM), or
/// <c>Balances:Serve:TlsCertificate</c> and <c>Balances:Serve:TlsKey</c>. The certificate file may hold the chain after the
/// server's certificate; it is sent with it.
/// </summary>
internal static class ServeTls
{
    private const string CertificateKey = "Balances:Serve:TlsCertificate";
    private const string KeyKey = "Balances:Serve:TlsKey";
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Reads the certificate and its key, if HTTPS is asked for.</summary>
    /// <param name="settings">The command line's options.</param>
    /// <param name="configuration">The configuration, for the settings the command line does not give.</param>
    /// <returns>Kestrel's HTTPS options, or <see langword="null"/> to serve plain HTTP.</returns>
    /// <exception cref="BalanceConfigurationException">Only one of the two is given, or a file cannot be read as PEM, or the key
    /// is not the certificate's; the message names the file and never quotes it.</exception>
    public static HttpsConnectionAdapterOptions? Read(ServeSettings settings, IConfiguration configuration)
    {
        var (certificateName, certificate) =
            settings.TlsCertificate is { } flag ? ("--tls-cert", flag) : (CertificateKey, configuration[CertificateKey]);
        var (keyName, key) = settings.TlsKey is { } keyFlag ? ("--tls-key", keyFlag) : (KeyKey, configuration[KeyKey]);
        if (string.IsNullOrEmpty(certificate) && string.IsNullOrEmpty(key))
        {
            return null;
        }

        if (string.IsNullOrEmpty(certificate) || string.IsNullOrEmpty(key))
        {
            // The missing half is named as the given one was: the flag beside a flag, the key beside a key.
            var (given, missing) = string.IsNullOrEmpty(certificate)
                ? (keyName, keyName == KeyKey ? CertificateKey : "--tls-cert")
                : (certificateName, certificateName == CertificateKey ? KeyKey : "--tls-key");
            throw new BalanceConfigurationException($"{given} needs {missing} too: HTTPS needs the certificate and its key.");
        }

        var chain = Load(certificateName, certificate, "holds no PEM certificate", () =>
        {
            var all = new X509Certificate2Collection();
            all.ImportFromPemFile(certificate);
            return all.Count > 0 ? all : throw new CryptographicException();
        });
        var server = Load(
            keyName, key, $"is not the PEM private key of {certificateName}", () => X509Certificate2.CreateFromPemFile(certificate, key));
        chain.RemoveAt(0);
        return new HttpsConnectionAdapterOptions
        {
            ServerCertificate = server,
            ServerCertificateChain = chain,
            HandshakeTimeout = HandshakeTimeout,
        };
    }

    private static T Load<T>(string name, string path, string problem, Func<T> load)
    {
        try
        {
            return load();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BalanceConfigurationException($"{name} {CliText.Quote(path)} cannot be read: {CliText.Reason(exception)}", exception);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            // The cryptography's own words may describe the key; they are not repeated.
            throw new BalanceConfigurationException($"{name} {CliText.Quote(path)} {problem}.", exception);
        }
    }
}
