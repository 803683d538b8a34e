namespace BalanceClients.Providers.Antgst;

/// <summary>The credentials of an Antgst account.</summary>
public sealed class AntgstCredentials : IAccountCredentials
{
    /// <summary>The configuration key of the auth secret.</summary>
    internal const string AuthSecretKey = "AuthSecret";

    /// <summary>Creates the credentials.</summary>
    /// <param name="authSecret">The auth secret: AccessKey ID followed by AccessKey Secret, as Antgst provides them.</param>
    /// <exception cref="ArgumentException">The secret is empty or contains a control character.</exception>
    public AntgstCredentials(string authSecret)
    {
        CredentialText.ThrowIfInvalid(authSecret);
        AuthSecret = authSecret;
    }

    /// <summary>The auth secret.</summary>
    public string AuthSecret { get; }

    /// <inheritdoc />
    public IEnumerable<string> Secrets => [AuthSecret];

    /// <inheritdoc />
    public override string ToString() => "AntgstCredentials { AuthSecret = REDACTED }";
}
