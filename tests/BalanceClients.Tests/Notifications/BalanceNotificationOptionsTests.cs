using BalanceClients.Monitoring;
using BalanceClients.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BalanceClients.Tests.Notifications;

public sealed class BalanceNotificationOptionsTests
{
    [Fact]
    public void Configuration_BindsTheWebhooksAndSettings_AndTheVariableAddsAJsonWebhookLast()
    {
        var options = ConfiguredNotifications.Options(
            new()
            {
                ["Balances:Notifications:Webhooks:0:Url"] = "https://hooks.example.com/a",
                ["Balances:Notifications:Webhooks:1:Url"] = " http://127.0.0.1:9000/b ",
                ["Balances:Notifications:Webhooks:1:Format"] = "Slack",
                ["Balances:Notifications:AttemptTimeout"] = "00:00:05",
                ["Balances:Notifications:MaxRetries"] = "5",
                ["Balances:Notifications:RetryBaseDelay"] = "00:00:02",
                ["Balances:Notifications:MaxRetryAfter"] = "00:00:30",
                ["Balances:Notifications:MaxAge"] = "06:00:00",
            },
            new() { ["BALANCES_WEBHOOK_URL"] = "https://hooks.example.com/c" });

        Assert.Equal(
            [
                ("https://hooks.example.com/a", WebhookFormat.Json),
                ("http://127.0.0.1:9000/b", WebhookFormat.Slack),
                ("https://hooks.example.com/c", WebhookFormat.Json),
            ],
            options.Webhooks.Select(w => (w.Url!.ToString(), w.Format)));
        Assert.Equal(
            (TimeSpan.FromSeconds(5), 5, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromHours(6)),
            (options.AttemptTimeout, options.MaxRetries, options.RetryBaseDelay, options.MaxRetryAfter, options.MaxAge));
    }

    [Fact]
    public void Configuration_SecretsBindBesideTheirUrls_AndTheSecretVariableSignsTheVariablesWebhook()
    {
        var options = ConfiguredNotifications.Options(
            new()
            {
                ["Balances:Notifications:Webhooks:0:Url"] = "https://hooks.example.com/a",
                ["Balances:Notifications:Webhooks:0:Secret"] = " whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw ",
                ["Balances:Notifications:Webhooks:1:Url"] = "https://hooks.example.com/b",
                ["Balances:Notifications:Webhooks:1:Secret"] = "  ",
            },
            new() { ["BALANCES_WEBHOOK_URL"] = "https://hooks.example.com/c", ["BALANCES_WEBHOOK_SECRET"] = "plain secret" });

        Assert.Equal(
            ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", null, "plain secret"],
            options.Webhooks.Select(w => w.Secret));
    }

    [Theory]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_")]
    [InlineData("whsec_c2VjcmV0a")]
    public void Configuration_SecretThatIsNotBase64AfterWhsec_IsOneLineNamingTheKeyNotTheSecret(string secret)
    {
        const string key = "Balances:Notifications:Webhooks:0:Secret";
        foreach (var (settings, environment, name) in new[]
        {
            (new Dictionary<string, string?> { ["Balances:Notifications:Webhooks:0:Url"] = "https://hooks.example.com/a", [key] = secret },
                new Dictionary<string, string?>(), key),
            ([], new Dictionary<string, string?>
                {
                    ["BALANCES_WEBHOOK_URL"] = "https://hooks.example.com/c",
                    ["BALANCES_WEBHOOK_SECRET"] = secret,
                },
                "BALANCES_WEBHOOK_SECRET"),
        })
        {
            var exception = Assert.Throws<OptionsValidationException>(() => ConfiguredNotifications.Options(settings, environment));

            Assert.Equal(
                $"{name} starts with whsec_ but what follows is not base64 of at least one byte.",
                Assert.Single(exception.Failures));
            if (secret.Length > "whsec_".Length)
            {
                Assert.DoesNotContain(secret["whsec_".Length..], exception.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Configuration_SecretVariableWithoutTheUrlVariable_NamesTheUrlVariable()
    {
        var exception = Assert.Throws<OptionsValidationException>(
            () => ConfiguredNotifications.Options([], new() { ["BALANCES_WEBHOOK_SECRET"] = "s3cret" }));

        Assert.Equal("BALANCES_WEBHOOK_URL is not set.", Assert.Single(exception.Failures));
    }

    [Fact]
    public void Configuration_NoneOrABlankVariable_HasNoWebhookAndTheDefaults()
    {
        var options = ConfiguredNotifications.Options([], new() { ["BALANCES_WEBHOOK_URL"] = "  " });

        Assert.Empty(options.Webhooks);
        Assert.Equal(
            (TimeSpan.FromSeconds(10), 3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromHours(24)),
            (options.AttemptTimeout, options.MaxRetries, options.RetryBaseDelay, options.MaxRetryAfter, options.MaxAge));
    }

    [Theory]
    [InlineData("Webhooks:0:Format", "teams", "Balances:Notifications:Webhooks:0:Format must be json or slack.")]
    [InlineData("Webhooks:0:Format", "json", "Balances:Notifications:Webhooks:0:Url is not set.")]
    [InlineData("AttemptTimeout", "30", "Balances:Notifications:AttemptTimeout '30' is a number of days to .NET")]
    [InlineData("AttemptTimeout", "00:20:00", "Balances:Notifications:AttemptTimeout must be between 10 ms and 10 minutes.")]
    [InlineData("MaxRetries", "11", "Balances:Notifications:MaxRetries must be between 0 and 10.")]
    [InlineData("MaxRetries", "many", "Balances:Notifications:MaxRetries is not a valid whole number.")]
    [InlineData("RetryBaseDelay", "-00:00:01", "Balances:Notifications:RetryBaseDelay must be between 0 and 10 minutes.")]
    [InlineData("MaxRetryAfter", "02:00:00", "Balances:Notifications:MaxRetryAfter must be between 0 and 1 hour.")]
    [InlineData("MaxAge", "00:00:30", "Balances:Notifications:MaxAge must be between 1 minute and 30 days.")]
    public void WrongSetting_IsOneLineNamingTheKey(string key, string value, string message)
    {
        var exception = Record.Exception(() => ConfiguredNotifications.Options(new() { ["Balances:Notifications:" + key] = value }, []));

        var text = exception is OptionsValidationException validation ? validation.Failures.First() : exception?.Message;
        Assert.StartsWith(message, text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBalanceNotifications_Twice_RegistersOneObserverAndOneHostedService()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection()
            .AddBalanceNotifications(configuration)
            .AddBalanceNotifications(options => options.MaxRetries = 1)
            .BuildServiceProvider();

        Assert.IsType<WebhookNotifier>(Assert.Single(provider.GetServices<IBalanceReadingObserver>()));
        Assert.Same(provider.GetRequiredService<WebhookNotifier>(), Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Equal(1, provider.GetRequiredService<IOptions<BalanceNotificationOptions>>().Value.MaxRetries);
    }
}
