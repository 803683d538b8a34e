using System.Text.RegularExpressions;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Http;

/// <summary>Retries, Retry-After and the attempt timeout, on a clock the test moves: no test waits for real delays.</summary>
public sealed partial class ResilienceTests
{
    [Fact]
    public async Task Check_TwoServerErrors_RetriesAfterExponentialJitteredDelays()
    {
        var time = new ManualTimeProvider();
        await using var harness = await CheckerHarness.StartAsync(options => options.GetProvider("telnyx").Resilience.RetryBaseDelay = TimeSpan.FromSeconds(0.5), time);
        var fake = harness.Fake("telnyx");
        fake.Enqueue(FakeResponse.Text(502, "bad gateway"), FakeResponse.Text(500, "oops"));

        var check = harness.CheckAsync("telnyx");
        await AdvanceUntilAsync(time, () => fake.Requests.Count == 2, TimeSpan.FromMilliseconds(100));
        await AdvanceUntilAsync(time, () => fake.Requests.Count == 3, TimeSpan.FromMilliseconds(100));
        var result = await check;

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
        await WaitUntilAsync(() => RetryDelays(harness).Count == 1);
        time.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(50);
        Assert.Single(fake.Requests);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await check;

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
        await WaitUntilAsync(() => RetryDelays(harness).Count == 1);
        time.Advance(TimeSpan.FromSeconds(4));
        var result = await check;

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
            await WaitUntilAsync(() => fake.Requests.Count == attempt);
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var result = await check;

        Assert.Equal((BalanceErrorKind.Timeout, (int?)null), (result.Error!.Kind, result.Error.HttpStatus));
        Assert.Contains("attempt timeout of 10 s", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task Check_SlowBody_CountsAgainstTheAttemptTimeout()
    {
        var time = new ManualTimeProvider();
        await using var harness = await CheckerHarness.StartAsync(options => options.GetProvider("undrctrl").Resilience.MaxRetries = 0, time);
        var fake = harness.Fake("undrctrl");
        fake.Default = fake.Success with { BodyStall = TimeSpan.FromMinutes(5) };

        var check = harness.CheckAsync("undrctrl");
        await WaitUntilAsync(() => fake.Requests.Count == 1);
        await Task.Delay(100);
        time.Advance(TimeSpan.FromSeconds(10));
        var result = await check;

        Assert.Equal(BalanceErrorKind.Timeout, result.Error!.Kind);
    }

    private static List<double> RetryDelays(CheckerHarness harness) =>
        [.. harness.Logs.Lines.Select(line => RetryDelay().Match(line)).Where(m => m.Success).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the condition was not met within 10 s");
    }

    private static async Task AdvanceUntilAsync(ManualTimeProvider time, Func<bool> condition, TimeSpan step)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            time.Advance(step);
            await Task.Delay(10);
        }

        Assert.True(condition(), "the condition was not met");
    }

    [GeneratedRegex(@"retrying in (\d+) ms")]
    private static partial Regex RetryDelay();
}
