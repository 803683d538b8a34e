namespace BalanceClients.Configuration;

/// <summary>The configuration keys of the <c>Balances</c> section, as messages name them.</summary>
internal static class ConfigurationKeys
{
    public const string Section = "Balances";

    public static string Provider(string providerId) => $"{Section}:Providers:{providerId}";

    public static string BaseUrl(string providerId) => $"{Provider(providerId)}:BaseUrl";

    public static string Account(string providerId, string account) => $"{Provider(providerId)}:Accounts:{account}";

    public static string Credential(string providerId, string account, string field) => $"{Account(providerId, account)}:{field}";

    public const string Monitor = Section + ":Monitor";

    public const string History = Section + ":History";

    public const string Notifications = Section + ":Notifications";

    public const string Webhooks = Notifications + ":Webhooks";

    /// <summary>The contract's variable of one JSON webhook.</summary>
    public const string WebhookUrlVariable = "BALANCES_WEBHOOK_URL";

    /// <summary>The key <see cref="WebhookUrlVariable"/> sets: an item of the webhooks after any numbered ones.</summary>
    public const string EnvironmentWebhookUrl = Webhooks + ":" + WebhookUrlVariable + ":Url";

    /// <summary>The contract's variable of the secret of <see cref="WebhookUrlVariable"/>'s webhook.</summary>
    public const string WebhookSecretVariable = "BALANCES_WEBHOOK_SECRET";

    /// <summary>The key <see cref="WebhookSecretVariable"/> sets.</summary>
    public const string EnvironmentWebhookSecret = Webhooks + ":" + WebhookUrlVariable + ":Secret";
}
