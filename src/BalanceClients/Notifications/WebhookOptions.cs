namespace BalanceClients.Notifications;

/// <summary>
/// One webhook that is told of every change of an account's level. Its URL and its secret are secrets (a Slack URL carries its
/// token): no message, log line or <see cref="object.ToString"/> of the library shows them.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>Where the messages are posted.</summary>
    /// <value>The default value is <see langword="null"/>, which is an error; an absolute <c>https://</c> URL, or <c>http://</c> to a
    /// loopback host, without user information.</value>
    public Uri? Url { get; set; }

    /// <summary>The shape of the messages.</summary>
    /// <value>The default value is <see cref="WebhookFormat.Json"/>.</value>
    public WebhookFormat Format { get; set; } = WebhookFormat.Json;

    /// <summary>
    /// The key that signs every message (the <c>webhook-signature</c> header of Standard Webhooks): <c>whsec_</c> followed by
    /// base64 stands for the bytes the base64 holds (as Standard Webhooks libraries generate them); any other text for its UTF-8
    /// bytes. <see langword="null"/> or blank signs nothing; <c>webhook-id</c> and <c>webhook-timestamp</c> are sent either way.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; a <c>whsec_</c> secret must be base64 of at least one byte after it.</value>
    public string? Secret { get; set; }

    /// <summary>
    /// How messages name the URL's setting (its variable or configuration key); <see langword="null"/> for one made in code.
    /// </summary>
    internal string? SettingName { get; set; }

    /// <summary>How messages name the secret's setting; <see langword="null"/> for one made in code.</summary>
    internal string? SecretSettingName { get; set; }
}
