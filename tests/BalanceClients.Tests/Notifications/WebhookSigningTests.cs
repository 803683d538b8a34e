using System.Globalization;
using BalanceClients.FakeProviders;
using BalanceClients.Notifications;
using BalanceClients.Tests.Testing;
using static BalanceClients.Tests.Notifications.LevelReadings;

namespace BalanceClients.Tests.Notifications;

/// <summary>
/// Every delivery carries the Standard Webhooks headers, and a receiver's own check (<see cref="StandardWebhookVerifier"/>,
/// written from the specification) accepts each signed attempt: the id kept over the retries of one message and new for the
/// next, each attempt signed at its own time.
/// </summary>
public sealed class WebhookSigningTests : IAsyncLifetime
{
    // What a Standard Webhooks library generates: whsec_ and the base64 of 24 random bytes.
    private const string Base64Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string PlainSecret = "a team's own passphrase, not base64";

    private readonly ManualTimeProvider _time = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(_time);

    public Task DisposeAsync() => _receiver.DisposeAsync().AsTask();

    [Theory]
    [InlineData(Base64Secret, WebhookFormat.Json)]
    [InlineData(PlainSecret, WebhookFormat.Slack)]
    public async Task Delivery_WithASecret_CarriesTheHeadersAndASignatureTheReceiverAccepts(string secret, WebhookFormat format)
    {
        await using var harness = await StartAsync(secret, format);

        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.20m));

        var request = Assert.Single(_receiver.Requests);
        Assert.Matches("^msg_[0-9a-f]{32}$", request.Headers["webhook-id"]);
        Assert.Equal(Unix(_time.GetUtcNow()), request.Headers["webhook-timestamp"]);
        Assert.StartsWith("v1,", request.Headers["webhook-signature"], StringComparison.Ordinal);
        Assert.Null(StandardWebhookVerifier.Problem(secret, request.Headers, request.Body, _time.GetUtcNow()));
    }

    [Fact]
    public async Task Verifier_ForgedOrStaleOrOtherwiseSigned_RefusesIt()
    {
        await using var harness = await StartAsync(Base64Secret);

        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.20m));

        var request = Assert.Single(_receiver.Requests);
        var now = _time.GetUtcNow();
        Assert.Equal("no signature matches", StandardWebhookVerifier.Problem(PlainSecret, request.Headers, request.Body, now));
        var forged = request.Body.Replace("3.20", "320", StringComparison.Ordinal);
        Assert.Equal("no signature matches", StandardWebhookVerifier.Problem(Base64Secret, request.Headers, forged, now));
        var replayed = new Dictionary<string, string>(request.Headers) { ["webhook-id"] = "msg_other" };
        Assert.Equal("no signature matches", StandardWebhookVerifier.Problem(Base64Secret, replayed, request.Body, now));
        Assert.Equal(
            "the timestamp is too old or too new",
            StandardWebhookVerifier.Problem(Base64Secret, request.Headers, request.Body, now + TimeSpan.FromMinutes(6)));
        Assert.Null(StandardWebhookVerifier.Problem(Base64Secret, request.Headers, request.Body, now + TimeSpan.FromMinutes(4)));
    }

    [Fact]
    public async Task Retries_KeepTheMessagesId_AndEachAttemptIsSignedAtItsOwnTime()
    {
        await using var harness = await StartAsync(Base64Secret);
        _receiver.Enqueue(FakeResponse.Text(503, null) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "30" } });

        harness.Offer(Reading(BalanceLevel.Critical, 3.20m));
        await harness.FireAsync(TimeSpan.FromSeconds(30));
        await harness.Notifier.WhenIdleAsync().WithinLimit("the delivery");

        var (first, second) = (_receiver.Requests[0], _receiver.Requests[1]);
        Assert.Equal(first.Headers["webhook-id"], second.Headers["webhook-id"]);
        Assert.Equal(Unix(LevelReadings.Start), first.Headers["webhook-timestamp"]);
        Assert.Equal(Unix(LevelReadings.Start.AddSeconds(30)), second.Headers["webhook-timestamp"]);
        Assert.NotEqual(first.Headers["webhook-signature"], second.Headers["webhook-signature"]);
        Assert.All(
            _receiver.Requests,
            request => Assert.Null(StandardWebhookVerifier.Problem(Base64Secret, request.Headers, request.Body, _time.GetUtcNow())));
    }

    [Fact]
    public async Task Messages_EachHasItsOwnId_PerChangeAndPerWebhook()
    {
        await using var other = await WebhookReceiver.StartAsync(_time);
        await using var harness = await NotifierHarness.StartAsync(_time, options =>
        {
            options.Webhooks.Add(new WebhookOptions { Url = _receiver.Url, Secret = Base64Secret });
            options.Webhooks.Add(new WebhookOptions { Url = other.Url, Format = WebhookFormat.Slack });
        });

        await harness.ReadAsync(
            Reading(BalanceLevel.Warning, 40m),
            Reading(BalanceLevel.Critical, 3.20m, minute: 5),
            Reading(BalanceLevel.Ok, 500m, minute: 10));

        var ids = _receiver.Requests.Concat(other.Requests).Select(request => request.Headers["webhook-id"]).ToList();
        Assert.Equal(6, ids.Count);
        Assert.Equal(6, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Delivery_WithoutASecret_HasTheIdAndTimestampButNoSignature()
    {
        await using var harness = await NotifierHarness.StartAsync(_time, _receiver.Url);

        await harness.ReadAsync(Reading(BalanceLevel.Critical, 3.20m));

        var request = Assert.Single(_receiver.Requests);
        Assert.Matches("^msg_[0-9a-f]{32}$", request.Headers["webhook-id"]);
        Assert.Equal(Unix(_time.GetUtcNow()), request.Headers["webhook-timestamp"]);
        Assert.False(request.Headers.ContainsKey("webhook-signature"));
    }

    private Task<NotifierHarness> StartAsync(string secret, WebhookFormat format = WebhookFormat.Json) =>
        NotifierHarness.StartAsync(_time, options => options.Webhooks.Add(
            new WebhookOptions { Url = _receiver.Url, Format = format, Secret = secret }));

    private static string Unix(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
