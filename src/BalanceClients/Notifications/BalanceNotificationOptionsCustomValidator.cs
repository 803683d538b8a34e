using Microsoft.Extensions.Options;

namespace BalanceClients.Notifications;

/// <summary>
/// Checks what attributes cannot say of <see cref="BalanceNotificationOptions"/>: every webhook's URL, format and secret. Each
/// failure is one line that names the setting (the variable a URL or secret came from, or its key), never a URL or a secret.
/// </summary>
internal sealed class BalanceNotificationOptionsCustomValidator : IValidateOptions<BalanceNotificationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BalanceNotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ValidateOptionsResultBuilder();
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            CheckWebhook(options.Webhooks[i], i, failures);
        }

        return failures.Build();
    }

    private static void CheckWebhook(WebhookOptions? webhook, int index, ValidateOptionsResultBuilder failures)
    {
        var inCode = $"{nameof(BalanceNotificationOptions)}.{nameof(BalanceNotificationOptions.Webhooks)}[{index}]";
        if (webhook is null)
        {
            failures.AddError($"{inCode} is null.");
            return;
        }

        var url = webhook.SettingName ?? $"{inCode}.{nameof(WebhookOptions.Url)}";
        if (webhook.Url is null)
        {
            failures.AddError($"{url} is not set.");
        }
        else if (WebhookUrlRules.ProblemWith(webhook.Url) is { } problem)
        {
            failures.AddError($"{url} {problem}");
        }

        if (!string.IsNullOrWhiteSpace(webhook.Secret) && WebhookSecret.ProblemWith(webhook.Secret) is { } secretProblem)
        {
            failures.AddError($"{webhook.SecretSettingName ?? $"{inCode}.{nameof(WebhookOptions.Secret)}"} {secretProblem}");
        }

        if (!Enum.IsDefined(webhook.Format))
        {
            failures.AddError($"{inCode}.{nameof(WebhookOptions.Format)} must be Json or Slack.");
        }
    }
}
