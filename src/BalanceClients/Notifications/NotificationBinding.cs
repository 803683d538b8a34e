using BalanceClients.Configuration;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Notifications;

/// <summary>
/// What <c>Balances:Notifications</c> sets (see <see cref="SectionBinding"/>): the settings, and the webhooks one by one, so
/// that each knows how messages name its URL (the variable it came from, or its key) and a wrong format says what is accepted.
/// </summary>
internal static class NotificationBinding
{
    /// <summary>Binds the section onto the options.</summary>
    /// <param name="section">The <c>Balances:Notifications</c> section.</param>
    /// <param name="options">The options.</param>
    /// <param name="names">How messages name the URL settings.</param>
    /// <exception cref="BalanceConfigurationException">
    /// A webhook's URL is no absolute URL, or its format is neither json nor slack.
    /// </exception>
    public static void Bind(IConfiguration section, BalanceNotificationOptions options, SettingNames names)
    {
        options.AttemptTimeout = section.GetValue(nameof(options.AttemptTimeout), options.AttemptTimeout);
        options.MaxRetries = section.GetValue(nameof(options.MaxRetries), options.MaxRetries);
        options.RetryBaseDelay = section.GetValue(nameof(options.RetryBaseDelay), options.RetryBaseDelay);
        options.MaxRetryAfter = section.GetValue(nameof(options.MaxRetryAfter), options.MaxRetryAfter);
        options.MaxAge = section.GetValue(nameof(options.MaxAge), options.MaxAge);
        foreach (var item in section.GetSection(nameof(options.Webhooks)).GetChildren())
        {
            options.Webhooks.Add(Webhook(item, names));
        }
    }

    private static WebhookOptions Webhook(IConfigurationSection item, SettingNames names)
    {
        var urlKey = $"{item.Path}:{nameof(WebhookOptions.Url)}";
        var webhook = new WebhookOptions
        {
            // The variables' webhook is named by its URL variable even when only its secret is set.
            SettingName = item.Key == ConfigurationKeys.WebhookUrlVariable ? names.Of(urlKey, item.Key) : names.Of(urlKey),
            SecretSettingName = names.Of($"{item.Path}:{nameof(WebhookOptions.Secret)}"),
        };
        if (item[nameof(WebhookOptions.Url)] is { } url && !string.IsNullOrWhiteSpace(url))
        {
            webhook.Url = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed)
                ? parsed
                : throw new BalanceConfigurationException($"{webhook.SettingName} {WebhookUrlRules.NotAUrl}");
        }

        if (item[nameof(WebhookOptions.Secret)] is { } secret && !string.IsNullOrWhiteSpace(secret))
        {
            webhook.Secret = secret.Trim();
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
