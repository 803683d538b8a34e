using System.Text;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// <c>balances serve</c>, as a process, against a provider that quotes the API key back base64-encoded: nothing it writes or
/// sends shows the key, in its log, its API or either format of webhook; nor does its log show the webhook's signing secret.
/// </summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class ServeRedactionTests
{
    private const string Key = "demo-telnyx-api-key";
    private const string SigningSecret = "whsec_c2lnbmluZy1rZXktMDA0Mi1vZi10aGUtd2ViaG9vaw==";

    [Fact]
    public async Task Serve_ProviderQuotesTheKeyInBase64_NoLogLineApiAnswerOrWebhookShowsIt()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        await using var json = await WebhookReceiver.StartAsync(TimeProvider.System);
        await using var slack = await WebhookReceiver.StartAsync(TimeProvider.System);
        // The key at each offset within a 3-byte group: alone (base64url), in "user:key" (5 bytes in) and in "api:key" (4 bytes in).
        var (alone, basic, prefixed) = (Base64(Key), Base64("user:" + Key), Base64("api:" + Key));
        var detail = $"token {alone.TrimEnd('=').Replace('+', '-').Replace('/', '_')} or Basic {basic} or {prefixed}";
        fakes["telnyx"].Default = FakeResponse.Json(
            401, $$"""{"errors":[{"code":"10009","title":"Authentication failed","detail":"{{detail}}"}]}""");
        var environment = new Dictionary<string, string?>(fakes.Environment)
        {
            ["Balances__Notifications__Webhooks__0__Url"] = json.Url.ToString(),
            ["Balances__Notifications__Webhooks__0__Secret"] = SigningSecret,
            ["Balances__Notifications__Webhooks__1__Url"] = slack.Url.ToString(),
            ["Balances__Notifications__Webhooks__1__Format"] = "slack",
        };

        await using var serve = await WatchedServe.StartAsync(environment, "--listen", "127.0.0.1:0", "--no-store");
        await json.WaitForRequestsAsync(1).WithinLimit("the JSON webhook's message");
        await slack.WaitForRequestsAsync(1).WithinLimit("the Slack webhook's message");
        await Bounded.UntilAsync(
            _ => Task.FromResult(serve.Output.Contains("Checked telnyx/default", StringComparison.Ordinal)), "the log line");
        using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = Bounded.Limit };
        var api = await http.GetStringAsync("/api/v1/balances");

        Assert.Contains(
            "\"message\":\"Authentication failed: token REDACTED or Basic dXNlcjREDACTED or YXBpOREDACTED\"",
            api,
            StringComparison.Ordinal);
        var signed = json.Requests[0];
        Assert.Null(StandardWebhookVerifier.Problem(SigningSecret, signed.Headers, signed.Body, DateTimeOffset.UtcNow));
        Assert.DoesNotContain("c2lnbmluZy1rZXkt", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("signing-key", serve.Output, StringComparison.Ordinal);
        foreach (var text in new[] { api, serve.Output, json.Bodies[0], slack.Bodies[0] })
        {
            Assert.Contains("REDACTED", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
            // What the key's bytes alone make of these values: their middle, far from the bytes around the key.
            foreach (var encoded in new[] { alone, basic, prefixed })
            {
                Assert.DoesNotContain(encoded[8..20], text, StringComparison.Ordinal);
            }
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
