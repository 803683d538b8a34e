using System.Text.Json;
using BalanceClients.FakeProviders;
using BalanceClients.Notifications;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static BalanceClients.Tests.Notifications.LevelReadings;

namespace BalanceClients.Tests.Notifications;

/// <summary>
/// A webhook URL is a secret: no log line (at any level, the HTTP client's included), exception or message shows it, on every
/// path a delivery can take; and no provider text can make a Slack message ping or link.
/// </summary>
public sealed class WebhookSecretTests
{
    private const string SecretUrl = "https://hooks.example.com/services/T0SECRET/B0SECRET/xoxb-webhook-token-4711";

    // The signing secret, whose text and bytes must show nowhere either: "signing-key-0042-of-the-webhook".
    private const string SigningSecret = "whsec_c2lnbmluZy1rZXktMDA0Mi1vZi10aGUtd2ViaG9vaw==";

    public static TheoryData<string> DeliveryPaths() => ["ok", "500", "404", "redirect", "hang", "dropped", "refused"];

    [Theory]
    [MemberData(nameof(DeliveryPaths))]
    public async Task Delivery_EveryPath_LogsNoPartOfTheUrl(string path)
    {
        var time = new ManualTimeProvider();
        var receiver = await WebhookReceiver.StartAsync(time);
        await using var stopped = receiver;
        var url = receiver.Url;
        receiver.Default = path switch
        {
            "500" => FakeResponse.Text(500, "Cannot POST /services/" + WebhookReceiver.Token),
            "404" => FakeResponse.Text(404, "no_service"),
            "redirect" => FakeResponse.Text(302, null) with
            {
                Headers = new Dictionary<string, string> { ["Location"] = new Uri(receiver.Root, "x/" + WebhookReceiver.Token).ToString() },
            },
            "hang" => WebhookReceiver.Hang,
            "dropped" => FakeResponse.Dropped,
            _ => FakeResponse.Text(200, "ok"),
        };
        if (path == "refused")
        {
            await receiver.DisposeAsync();
        }

        await using var harness = await NotifierHarness.StartAsync(time, options =>
        {
            options.Webhooks.Add(new WebhookOptions { Url = url, Secret = SigningSecret });
            options.MaxRetries = 0;
        });
        harness.Offer(Reading(BalanceLevel.Critical, 3.20m));
        if (path == "hang")
        {
            await receiver.WaitForRequestsAsync(1);
            await harness.FireAsync(TimeSpan.FromSeconds(10));
        }

        await harness.Notifier.WhenIdleAsync().WithinLimit("the delivery to end");

        Assert.Contains(path == "ok" ? "told of" : "not delivered", harness.Logs.AllText, StringComparison.Ordinal);
        AssertNoSecret(harness.Logs.AllText, url);
        AssertNoSigningSecret(harness.Logs.AllText);
    }

    [Theory]
    [InlineData("ftp://hooks.example.com/services/T0SECRET/B0SECRET/xoxb", "is not a valid URL")]
    [InlineData("http://hooks.example.com/services/T0SECRET/B0SECRET/xoxb", "must use https://")]
    [InlineData("https://user:T0SECRET@hooks.example.com/services/xoxb", "must not carry user information")]
    [InlineData("hooks.example.com/services/T0SECRET/B0SECRET/xoxb", "is not a valid URL")]
    [InlineData("https://[hooks.example.com/services/T0SECRET/B0SECRET/xoxb", "is not a valid URL")]
    public void Configuration_RefusedUrl_NamesTheSettingNotTheUrl(string url, string problem)
    {
        foreach (var (settings, environment, name) in new[]
        {
            (new Dictionary<string, string?> { ["Balances:Notifications:Webhooks:0:Url"] = url }, new Dictionary<string, string?>(),
                "Balances:Notifications:Webhooks:0:Url"),
            ([], new Dictionary<string, string?> { ["BALANCES_WEBHOOK_URL"] = url }, "BALANCES_WEBHOOK_URL"),
        })
        {
            var message = Refusal(settings, environment);

            Assert.StartsWith($"{name} {problem}", message, StringComparison.Ordinal);
            AssertNoSecret(message, new Uri(SecretUrl));
        }
    }

    [Fact]
    public void OptionsMadeInCode_RefusedUrl_NamesTheOptionNotTheUrl()
    {
        using var provider = new ServiceCollection()
            .AddBalanceNotifications(options => options.Webhooks.Add(
                new WebhookOptions { Url = new Uri(SecretUrl.Replace("https", "http", StringComparison.Ordinal)) }))
            .BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<BalanceNotificationOptions>>().Value);

        Assert.Equal(
            "BalanceNotificationOptions.Webhooks[0].Url must use https:// (plain http:// is accepted only for loopback hosts).",
            Assert.Single(exception.Failures));
        AssertNoSecret(exception.ToString(), new Uri(SecretUrl));
    }

    [Fact]
    public void OptionsMadeInCode_RefusedSecret_NamesTheOptionNotTheSecret()
    {
        using var provider = new ServiceCollection()
            .AddBalanceNotifications(options => options.Webhooks.Add(
                new WebhookOptions { Url = new Uri(SecretUrl), Secret = SigningSecret.TrimEnd('=') }))
            .BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<BalanceNotificationOptions>>().Value);

        Assert.Equal(
            "BalanceNotificationOptions.Webhooks[0].Secret starts with whsec_ but what follows is not base64 of at least one byte.",
            Assert.Single(exception.Failures));
        AssertNoSigningSecret(exception.ToString());
    }

    [Fact]
    public void WebhookOptions_ToString_DoesNotShowTheUrl()
    {
#pragma warning disable MA0150 // The default ToString is the point: a record's would print the URL.
        var text = new WebhookOptions { Url = new Uri(SecretUrl) }.ToString();
#pragma warning restore MA0150

        AssertNoSecret(text!, new Uri(SecretUrl));
    }

    [Fact]
    public void WebhookLane_ReceiverKey_DoesNotShowTheUrl()
    {
        var key = WebhookLane.ReceiverOf(new Uri(SecretUrl));

        Assert.Matches("^webhook:[0-9a-f]{64}$", key);
        Assert.Equal(key, WebhookLane.ReceiverOf(new Uri("HTTPS://HOOKS.example.com/services/T0SECRET/B0SECRET/xoxb-webhook-token-4711")));
        Assert.NotEqual(key, WebhookLane.ReceiverOf(new Uri(SecretUrl + "2")));
    }

    [Fact]
    public async Task Slack_ProviderText_CannotPingOrLink()
    {
        var time = new ManualTimeProvider();
        await using var receiver = await WebhookReceiver.StartAsync(time);
        await using var harness = await NotifierHarness.StartAsync(time, receiver.Url, WebhookFormat.Slack);
        var error = new BalanceError(
            BalanceErrorKind.ProviderError, 400, "<@U024BE7LH>", "Pay now <!channel> <http://evil.example|your bank> & <!here>");

        await harness.ReadAsync(Failure(error, account: "eu<!everyone>"));

        using var body = JsonDocument.Parse(Assert.Single(receiver.Bodies));
        var text = body.RootElement.GetProperty("text").GetString();
        Assert.Equal(
            "telnyx/eu&lt;!everyone&gt; is unknown: provider_error (HTTP 400, provider code &lt;@U024BE7LH&gt;): "
            + "Pay now &lt;!channel&gt; &lt;http://evil.example|your bank&gt; &amp; &lt;!here&gt;",
            text);
        Assert.DoesNotContain('<', text!);
        Assert.DoesNotContain('>', text!);
    }

    [Fact]
    public void SlackText_Escape_TurnsEveryControlCharacterOfSlackIntoText() =>
        Assert.Equal("&amp;lt; &lt;!channel&gt; a&amp;b", SlackText.Escape("&lt; <!channel> a&b"));

    private static string Refusal(Dictionary<string, string?> settings, Dictionary<string, string?> environment)
    {
        var exception = Record.Exception(() => ConfiguredNotifications.Options(settings, environment));
        var message = exception is OptionsValidationException validation ? string.Join("\n", validation.Failures) : exception?.Message;
        Assert.NotNull(message);
        AssertNoSecret(exception!.ToString(), new Uri(SecretUrl));
        return message;
    }

    // The secret as configured, its base64 part, the key's bytes as text, and that text in base64 and base64url.
    private static void AssertNoSigningSecret(string text)
    {
        var base64 = SigningSecret["whsec_".Length..];
        var key = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        var textInBase64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SigningSecret));
        foreach (var secret in new[] { base64.TrimEnd('='), key, "signing-key", textInBase64[4..24] })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'), text, StringComparison.Ordinal);
    }

    private static void AssertNoSecret(string text, Uri url)
    {
        foreach (var secret in new[] { url.ToString(), url.AbsolutePath, "T0SECRET", "B0SECRET", "xoxb", "services/" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
