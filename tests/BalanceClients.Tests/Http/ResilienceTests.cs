using System.Text.RegularExpressions;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.Http;

/// <summary>Retries, Retry-After and the attempt timeout, on a clock the test moves: no test waits for real delays.</summary>
public sealed partial class ResilienceTests
{
    [Fact]
    public async Task Check_TwoServerErrors_RetriesAfterExponentialJitteredDelays()
    {
        var time = new ManualTimeProvider();
        await using var harness = await CheckerHarness.StartAsync(
            options => options.GetProvider("telnyx").Resilience.RetryBaseDelay = TimeSpan.FromSeconds(0.5),
            time);
        var fake = harness.Fake("telnyx");
        fake.Enqueue(FakeResponse.Text(502, "bad gateway"), FakeResponse.Text(500, "oops"));

        var check = harness.CheckAsync("telnyx");
        time.Advance(await time.WaitForTimerAsync(IsRetryDelay, "for the first retry"));
        time.Advance(await time.WaitForTimerAsync(IsRetryDelay, "for the second retry"));
        var result = await check.WithinLimit("the telnyx check");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var delays = RetryDelays(harness);
        Assert.Equal(2, delays.Count);
        Assert.InRange(delays[0], 0, 2000);
        Assert.InRange(delays[1], 0, 4000);
        Assert.Contains("attempt 1 failed (HTTP 502", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RetryAfterSeconds_WaitsExactlyThatLong()
    {
        var time = new ManualTimeProvider();
        await using var harness = await CheckerHarness.StartAsync(timeProvider: time);
        var fake = harness.Fake("undrctrl");
        fake.Enqueue(FakeResponse.Text(429, null) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "3" } });

        var check = harness.CheckAsync("undrctrl");
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Single(fake.Requests);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await check.WithinLimit("the undrctrl check");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([3000d], RetryDelays(harness));
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Check_RetryAfterHttpDate_IsHonoured()
    {
        var time = new ManualTimeProvider();
        await using var harness = await CheckerHarness.StartAsync(timeProvider: time);
        var fake = harness.Fake("antgst");
        var date = time.GetUtcNow().AddSeconds(4).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        fake.Enqueue(FakeResponse.Text(503, null) with { Headers = new Dictionary<string, string> { ["Retry-After"] = date } });

        var check = harness.CheckAsync("antgst");
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(4));
        time.Advance(TimeSpan.FromSeconds(4));
        var result = await check.WithinLimit("the antgst check");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([4000d], RetryDelays(harness));
    }

    [Fact]
    public async Task Check_RetryAfterBeyondTheCap_EndsTheRetries()
    {
        await using var harness = await CheckerHarness.StartAsync();
        var fake = harness.Fake("mesh");
        fake.Enqueue(FakeResponse.Text(429, null) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "60" } });

        var result = await harness.CheckAsync("mesh");

        Assert.Equal((BalanceErrorKind.RateLimited, (int?)429), (result.Error!.Kind, result.Error.HttpStatus));
        Assert.Single(fake.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(501)]
    public async Task Check_NonTransientStatus_IsNotRetried(int status)
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake("lumenfall").Enqueue(FakeResponse.Text(status, null));

        await harness.CheckAsync("lumenfall");

        Assert.Single(harness.Fake("lumenfall").Requests);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Check_TransientStatus_IsTriedThreeTimesInAll(int status)
    {
        await using var harness = await CheckerHarness.StartAsync();
        var answer = FakeResponse.Text(status, null);
        harness.Fake("lumenfall").Enqueue(answer, answer, answer, answer);

        var result = await harness.CheckAsync("lumenfall");

        Assert.Equal(status, result.Error!.HttpStatus);
        Assert.Equal(3, harness.Fake("lumenfall").Requests.Count);
    }

    [Fact]
    public async Task Check_NoAnswerWithinTheAttemptTimeout_IsTimeoutAfterEveryAttempt()
    {
        var time = new ManualTimeProvider();
        await using var harness = await CheckerHarness.StartAsync(options => options.Timeout = TimeSpan.FromMinutes(1), time);
        var fake = harness.Fake("telnyx");
        var hang = FakeResponse.Json(200, "{}") with { Delay = TimeSpan.FromMinutes(5) };
        fake.Default = hang;

        var check = harness.CheckAsync("telnyx");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await harness.WaitForRequestsAsync("telnyx", attempt); // the attempt's timeout is armed before its request is sent
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var result = await check.WithinLimit("the telnyx check");

        Assert.Equal((BalanceErrorKind.Timeout, (int?)null), (result.Error!.Kind, result.Error.HttpStatus));
        Assert.Contains("attempt timeout of 10 s", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task Check_SlowBody_CountsAgainstTheAttemptTimeout()
    {
        var time = new ManualTimeProvider();
        var headers = new HeadersReceivedHandler();
        await using var harness = await CheckerHarness.StartAsync(
            options => options.GetProvider("undrctrl").Resilience.MaxRetries = 0,
            time,
            services => services.AddHttpClient(HttpClientNames.For("undrctrl")).AddHttpMessageHandler(() => headers));
        var fake = harness.Fake("undrctrl");
        fake.Default = fake.Success with { BodyStall = TimeSpan.FromMinutes(5) };

        var check = harness.CheckAsync("undrctrl");
        await headers.Received.WithinLimit("undrctrl's response headers"); // the body is what is left to read
        time.Advance(TimeSpan.FromSeconds(10));
        var result = await check.WithinLimit("the undrctrl check");

        Assert.Equal(BalanceErrorKind.Timeout, result.Error!.Kind);
    }

    [Fact]
    public async Task Check_ResilienceReloaded_TheNextRequestRetriesAsTheNewOptionsSay()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var immediateRetries = new Dictionary<string, string?> { ["Balances:Providers:lumenfall:Resilience:RetryBaseDelay"] = "00:00:00" };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(immediateRetries)
            .AddBalanceEnvironmentVariables(fakes.Environment)
            .Build();
        await using var services = new ServiceCollection().AddBalanceClients(configuration).BuildServiceProvider();
        var checker = services.GetRequiredService<IBalanceChecker>();
        var account = checker.Accounts.Single(a => a.Provider == "lumenfall");
        fakes["lumenfall"].Default = FakeResponse.Text(503, null);

        await checker.CheckAsync(account);
        configuration["Balances:Providers:lumenfall:Resilience:MaxRetries"] = "0";
        configuration.Reload();
        await checker.CheckAsync(account);

        Assert.Equal(3 + 1, fakes["lumenfall"].Requests.Count);
    }

    private static List<double> RetryDelays(CheckerHarness harness) =>
        [
            .. harness.Logs.Lines
                .Select(line => RetryDelay().Match(line))
                .Where(m => m.Success)
                .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)),
        ];

    // The other timers of a check are the attempt timeout (10 s) and the deadline (30 s).
    private static bool IsRetryDelay(TimeSpan dueTime) => dueTime > TimeSpan.Zero && dueTime < TimeSpan.FromSeconds(10);

    [GeneratedRegex(@"retrying in (\d+) ms")]
    private static partial Regex RetryDelay();

    /// <summary>Inside the resilience handler: tells when an answer's headers have arrived, before its body is read.</summary>
    private sealed class HeadersReceivedHandler : DelegatingHandler
    {
        private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Received => _received.Task;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            _received.TrySetResult();
            return response;
        }
    }
}
