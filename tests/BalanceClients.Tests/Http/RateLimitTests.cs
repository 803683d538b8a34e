using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Http;

/// <summary>
/// A provider's <c>RateLimit</c>, shared by all its accounts, on a clock the test moves: the fake provider sees no more requests
/// than the rate allows and no more at once than the concurrency allows, retries included, and a request that cannot get its
/// turn within the check's deadline is a timeout. Each check's duration on that clock shows when its request went out.
/// </summary>
public sealed class RateLimitTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(0.2);

    [Fact]
    public async Task Check_ManyAccountsOfOneProvider_SendsOneRequestPerPeriodOfTheRate()
    {
        var time = new ManualTimeProvider();
        await using var harness = await CheckerHarness.StartAsync(
            options =>
            {
                options.GetProvider("telnyx").RateLimit.RequestsPerSecond = 5;
                AddAccounts(options, "telnyx", 12);
            },
            time);
        var fake = harness.Fake("telnyx");

        var start = time.GetUtcNow();
        var check = harness.Checker.CheckAllAsync();
        for (var sent = 1; sent <= 13; sent++)
        {
            await harness.WaitForRequestsAsync("telnyx", sent);
            Assert.Equal(sent, fake.Requests.Count);
            time.Advance(Period);
        }

        var results = (await check.WithinLimit("the checks")).Where(result => result.Provider == "telnyx").ToList();

        Assert.All(results, result => Assert.True(result.IsSuccess, result.Error?.ToString()));
        // Thirteen accounts (default and a0..a11), queued at once: the n-th one's answer was read no sooner than n periods in
        // (on the test's clock, from the start of the run: a check's own duration starts whenever its task first runs).
        var read = results.Select(result => result.Balance!.RetrievedAt - start).Order().ToList();
        Assert.Equal(13, read.Count);
        Assert.All(Enumerable.Range(0, 13), n => Assert.True(read[n] >= Period * n, $"check {n} read after {read[n]}"));
        Assert.Single(harness.Fake("mesh").Requests);
    }

    [Fact]
    public async Task Check_MaxConcurrency_NoMoreRequestsInFlightAtOnce()
    {
        var time = new ManualTimeProvider();
        await using var harness = await CheckerHarness.StartAsync(
            options =>
            {
                options.GetProvider("undrctrl").RateLimit.MaxConcurrency = 2;
                AddAccounts(options, "undrctrl", 5);
            },
            time,
            fakesOnTheClock: true);
        var fake = harness.Fake("undrctrl");
        fake.Default = fake.Success with { Delay = TimeSpan.FromSeconds(1) };

        var start = time.GetUtcNow();
        var check = harness.Checker.CheckAllAsync();
        for (var sent = 2; sent <= 6; sent += 2)
        {
            await harness.WaitForRequestsAsync("undrctrl", sent);
            Assert.Equal(sent, fake.Requests.Count);
            await Bounded.UntilAsync(
                _ => Task.FromResult(time.PendingTimersDueIn(TimeSpan.FromSeconds(1)) == 2), "both answers to be delayed");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var results = (await check.WithinLimit("the checks")).Where(result => result.Provider == "undrctrl").ToList();

        Assert.All(results, result => Assert.True(result.IsSuccess, result.Error?.ToString()));
        Assert.Equal(2, fake.MaxConcurrentRequests);
        // Read on the test's clock from the start of the run, as above: a check's own duration starts whenever its task first
        // runs, which on a loaded machine can be after the first advance.
        Assert.Equal(
            [1, 1, 2, 2, 3, 3],
            results.Select(result => (int)(result.Balance!.RetrievedAt - start).TotalSeconds).Order());
    }

    [Fact]
    public async Task Check_ARetry_WaitsForItsTurnToo()
    {
        var time = new ManualTimeProvider();
        await using var harness = await CheckerHarness.StartAsync(
            options => options.GetProvider("telnyx").RateLimit.RequestsPerSecond = 1,
            time);
        harness.Fake("telnyx").Enqueue(FakeResponse.Text(503, null));

        var check = harness.CheckAsync("telnyx");
        await harness.WaitForRequestsAsync("telnyx", 1);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await check.WithinLimit("the telnyx check");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, harness.Fake("telnyx").Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Duration);
    }

    [Fact]
    public async Task Check_NoTurnWithinTheDeadline_IsATimeout()
    {
        var time = new ManualTimeProvider();
        await using var harness = await CheckerHarness.StartAsync(
            options =>
            {
                options.Timeout = TimeSpan.FromSeconds(30);
                options.GetProvider("lumenfall").RateLimit.RequestsPerSecond = 0.01;
                AddAccounts(options, "lumenfall", 1);
            },
            time);

        var accounts = harness.Checker.Accounts.Where(account => account.Provider == "lumenfall").ToList();
        var first = await harness.Checker.CheckAsync(accounts[0]).WithinLimit("the first check");
        var second = harness.Checker.CheckAsync(accounts[1]);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(30));
        var late = await second.WithinLimit("the second check");

        Assert.True(first.IsSuccess, first.Error?.ToString());
        Assert.Equal(BalanceErrorKind.Timeout, late.Error?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), late.Duration);
        Assert.Single(harness.Fake("lumenfall").Requests);
    }

    [Fact]
    public void Limiters_ArePerProvider_AndTheSameAcrossPipelineRebuildsWhileTheLimitsAre()
    {
        using var limiters = new BalanceClients.Http.ProviderRateLimiters(new ManualTimeProvider());
        var limits = new RateLimitOptions { RequestsPerSecond = 5 };

        var telnyx = limiters.For("telnyx", limits);

        Assert.Same(telnyx, limiters.For("TELNYX", new RateLimitOptions { RequestsPerSecond = 5 }));
        Assert.NotSame(telnyx, limiters.For("mesh", limits));
        Assert.NotSame(telnyx, limiters.For("telnyx", new RateLimitOptions { RequestsPerSecond = 6 }));
        Assert.Null(limiters.For("undrctrl", new RateLimitOptions()));
    }

    // More accounts with the fake's demo API key (telnyx, undrctrl and lumenfall take one key each).
    private static void AddAccounts(BalanceCheckerOptions options, string providerId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            options.GetProvider(providerId).Accounts[$"a{i}"] =
                new Dictionary<string, string?> { ["ApiKey"] = $"demo-{providerId}-api-key" };
        }
    }
}
