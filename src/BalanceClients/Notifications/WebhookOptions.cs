namespace BalanceClients.Notifications;

/// <summary>
/// One webhook that is told of every change of an account's level. Its URL is a secret (a Slack URL carries its token): no
/// message, log line or <see cref="object.ToString"/> of the library shows it.
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
    /// How messages name the URL's setting (its variable or configuration key); <see langword="null"/> for one made in code.
    /// </summary>
    internal string? SettingName { get; set; }
}
