using BalanceClients.Configuration;
using Microsoft.Extensions.Options;
using static BalanceClients.Configuration.ValidationFailures;

namespace BalanceClients.Notifications;

/// <summary>
/// Validates <see cref="BalanceNotificationOptions"/>: every webhook's URL and format, and every range. Each failure is one
/// line that names the setting, never a URL.
/// </summary>
internal sealed class BalanceNotificationOptionsValidator : IValidateOptions<BalanceNotificationOptions>
{
    private const string Section = ConfigurationKeys.Notifications;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BalanceNotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            CheckWebhook(options.Webhooks[i], i, failures);
        }

        Add(
            failures,
            InRange(options.AttemptTimeout, NotificationDefaults.MinAttemptTimeout, NotificationDefaults.MaxAttemptTimeout),
            $"{Section}:AttemptTimeout must be between 10 ms and 10 minutes.");
        Add(
            failures,
            options.MaxRetries is >= 0 and <= NotificationDefaults.MaxMaxRetries,
            $"{Section}:MaxRetries must be between 0 and {NotificationDefaults.MaxMaxRetries}.");
        Add(
            failures,
            InRange(options.RetryBaseDelay, TimeSpan.Zero, NotificationDefaults.MaxRetryBaseDelay),
            $"{Section}:RetryBaseDelay must be between 0 and 10 minutes.");
        Add(
            failures,
            InRange(options.MaxRetryAfter, TimeSpan.Zero, NotificationDefaults.MaxMaxRetryAfter),
            $"{Section}:MaxRetryAfter must be between 0 and 1 hour.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckWebhook(WebhookOptions? webhook, int index, List<string> failures)
    {
        var inCode = $"{nameof(BalanceNotificationOptions)}.{nameof(BalanceNotificationOptions.Webhooks)}[{index}]";
        if (webhook is null)
        {
            failures.Add($"{inCode} is null.");
            return;
        }

        var url = webhook.SettingName ?? $"{inCode}.{nameof(WebhookOptions.Url)}";
        if (webhook.Url is null)
        {
            failures.Add($"{url} is not set.");
        }
        else if (WebhookUrlRules.ProblemWith(webhook.Url) is { } problem)
        {
            failures.Add($"{url} {problem}");
        }

        Add(failures, Enum.IsDefined(webhook.Format), $"{inCode}.{nameof(WebhookOptions.Format)} must be Json or Slack.");
    }
}
