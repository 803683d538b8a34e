using System.Globalization;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// What the process tests of <c>balances serve</c>'s webhooks share: one signed JSON webhook to a loopback receiver, bursts of a
/// single attempt (so that the outbox, not the burst, retries: after 2 s, 4 s, 8 s, 16 s on the real clock), and the undrctrl
/// account, ok at the spec's 1000.92 IDR, critical at <see cref="Low"/>.
/// </summary>
internal static class ServeWebhooks
{
    /// <summary>The webhook's secret, a Standard Webhooks one (<c>whsec_</c> and base64).</summary>
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /// <summary>The threshold: undrctrl is critical under 500 IDR.</summary>
    public static readonly string[] Threshold = ["--min", "undrctrl=500"];

    /// <summary>How the message of undrctrl turned critical begins.</summary>
    public const string Critical = """{"provider":"undrctrl","account":"default","level":"critical","previousLevel":"ok",""";

    /// <summary>How the message of undrctrl recovered begins.</summary>
    public const string Recovered = """{"provider":"undrctrl","account":"default","level":"ok","previousLevel":"critical",""";

    /// <summary>An answer of undrctrl under the threshold.</summary>
    public static FakeResponse Low { get; } = FakeResponse.Json(200, """{"balance":"100.00","currency":"IDR"}""");

    /// <summary>An answer of a receiver that takes the message.</summary>
    public static FakeResponse Taken { get; } = FakeResponse.Text(204, null);

    /// <summary>The fakes' environment with the webhook to <paramref name="receiver"/>, its secret and bursts of one attempt.</summary>
    public static Dictionary<string, string?> Environment(FakeProviderServer fakes, WebhookReceiver receiver) =>
        new(fakes.Environment)
        {
            ["BALANCES_WEBHOOK_URL"] = receiver.Url.ToString(),
            ["BALANCES_WEBHOOK_SECRET"] = Secret,
            ["Balances__Notifications__MaxRetries"] = "0",
        };

    /// <summary>
    /// Asserts that a receiver would take <paramref name="request"/> as genuine now (the independent check, timestamp tolerance
    /// included), and that it was signed at its attempt, not earlier: at <paramref name="notBefore"/> or later.
    /// </summary>
    public static void AssertGenuine(RecordedRequest request, DateTimeOffset notBefore)
    {
        Assert.Null(StandardWebhookVerifier.Problem(Secret, request.Headers, request.Body, DateTimeOffset.UtcNow));
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(request.Headers["webhook-timestamp"], CultureInfo.InvariantCulture));
        Assert.True(signedAt >= notBefore.AddSeconds(-1), $"signed at {signedAt:O}, before {notBefore:O}");
    }

    /// <summary>Asserts that no output of the processes shows the webhook's URL token or its secret.</summary>
    public static void AssertNoSecretIn(string output)
    {
        Assert.DoesNotContain(WebhookReceiver.Token, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
    }
}
