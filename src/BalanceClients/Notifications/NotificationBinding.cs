using BalanceClients.Configuration;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Notifications;

/// <summary>
/// Binds <c>Balances:Notifications</c> with the same care as the checker's options: no bare numbers for time spans, and no
/// value echoed, least of all a webhook's URL.
/// </summary>
internal static class NotificationBinding
{
    private static readonly HashSet<string> TimeSpanSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(BalanceNotificationOptions.AttemptTimeout),
        nameof(BalanceNotificationOptions.RetryBaseDelay),
        nameof(BalanceNotificationOptions.MaxRetryAfter),
    };

    /// <summary>Binds the section onto the options.</summary>
    /// <param name="section">The <c>Balances:Notifications</c> section.</param>
    /// <param name="options">The options.</param>
    /// <param name="names">How messages name the URL settings.</param>
    /// <exception cref="BalanceConfigurationException">A value cannot be converted, or a time span is a bare number.</exception>
    public static void Bind(IConfigurationSection section, BalanceNotificationOptions options, SettingNames names)
    {
        OptionsBinding.RefuseBareNumbers(section, key => TimeSpanSettings.Contains(key[(key.LastIndexOf(':') + 1)..]));
        OptionsBinding.Translate(section, () =>
        {
            options.AttemptTimeout = section.GetValue(nameof(options.AttemptTimeout), options.AttemptTimeout);
            options.MaxRetries = section.GetValue(nameof(options.MaxRetries), options.MaxRetries);
            options.RetryBaseDelay = section.GetValue(nameof(options.RetryBaseDelay), options.RetryBaseDelay);
            options.MaxRetryAfter = section.GetValue(nameof(options.MaxRetryAfter), options.MaxRetryAfter);
        });

        // Item by item, and by hand: the binder's own conversion failure would quote the URL.
        foreach (var item in section.GetSection(nameof(options.Webhooks)).GetChildren())
        {
            options.Webhooks.Add(Webhook(item, names));
        }
    }

    private static WebhookOptions Webhook(IConfigurationSection item, SettingNames names)
    {
        var webhook = new WebhookOptions { SettingName = names.WebhookUrl($"{item.Path}:{nameof(WebhookOptions.Url)}") };
        if (item[nameof(WebhookOptions.Url)] is { } url && !string.IsNullOrWhiteSpace(url))
        {
            webhook.Url = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed)
                ? parsed
                : throw new BalanceConfigurationException($"{webhook.SettingName} {WebhookUrlRules.NotAUrl}");
        }

        if (item[nameof(WebhookOptions.Format)] is { } format && !string.IsNullOrWhiteSpace(format))
        {
            webhook.Format = format.Trim().ToUpperInvariant() switch
            {
                "JSON" => WebhookFormat.Json,
                "SLACK" => WebhookFormat.Slack,
                _ => throw new BalanceConfigurationException($"{item.Path}:{nameof(WebhookOptions.Format)} must be json or slack."),
            };
        }

        return webhook;
    }
}
