using System.Diagnostics;
using System.Diagnostics.Metrics;
using BalanceClients.Diagnostics;
using BalanceClients.FakeProviders;
using BalanceClients.Providers;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests;

public sealed class BalanceCheckerTests
{
    [Fact]
    public async Task CheckAllAsync_AllProviders_OrderedByProviderThenAccount()
    {
        await using var harness = await CheckerHarness.StartAsync(options =>
            options.Accounts.Add(
                new BalanceAccount("antgst", "backup", new BalanceClients.Providers.Antgst.AntgstCredentials("demo-antgst-auth-secret"))));

        var results = await harness.Checker.CheckAllAsync(CancellationToken.None);

        Assert.Equal(
            ["antgst/backup", "antgst/default", "lumenfall/default", "mesh/default", "telnyx/default", "undrctrl/default"],
            results.Select(r => $"{r.Provider}/{r.Account}"));
        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.ToString()));
    }

    [Fact]
    public async Task CheckAllAsync_OneProviderHangs_IsTimeoutAtTheDeadlineAndOthersAreUnaffected()
    {
        var time = new ManualTimeProvider();
        await using var harness = await CheckerHarness.StartAsync(options => options.Timeout = TimeSpan.FromSeconds(5), time);
        harness.Fake("mesh").Default = harness.Fake("mesh").Success with { Delay = TimeSpan.FromMinutes(5) };

        var check = harness.Checker.CheckAllAsync(CancellationToken.None);
        await harness.WaitForRequestsAsync("mesh", 1);
        await harness.Logs.WaitForLinesAsync(": ok in ", 4); // the other four have their answers: the deadline can only catch mesh
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));
        var results = await check.WithinLimit("the checks");

        var mesh = Assert.Single(results, r => r.Provider == "mesh");
        Assert.Equal((BalanceErrorKind.Timeout, "No answer within the check's deadline."), (mesh.Error!.Kind, mesh.Error.Message));
        Assert.All(results.Where(r => r.Provider != "mesh"), r => Assert.True(r.IsSuccess, r.Error?.ToString()));
        Assert.Contains("Checked mesh/default: timeout (HTTP none) in 5000 ms", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAllAsync_Cancelled_StopsPromptlyWithOperationCanceled()
    {
        await using var harness = await CheckerHarness.StartAsync();
        foreach (var provider in ProviderInfo.All)
        {
            harness.Fake(provider.Id).Default = harness.Fake(provider.Id).Success with { Delay = TimeSpan.FromMinutes(5) };
        }

        using var cancellation = new CancellationTokenSource();
        var check = harness.Checker.CheckAllAsync(cancellation.Token);
        await Task.WhenAll(ProviderInfo.All.Select(provider => harness.WaitForRequestsAsync(provider.Id, 1)));
        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"cancellation took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task CheckManyAsync_ManyAccounts_StreamsEveryResultWithinTheConcurrencyBound()
    {
        await using var harness = await CheckerHarness.StartAsync(options => options.MaxConcurrency = 4);
        harness.Fake("undrctrl").Default = harness.Fake("undrctrl").Success with { Delay = TimeSpan.FromMilliseconds(20) };

        var seen = new HashSet<string>();
        await foreach (var result in harness.Checker.CheckManyAsync(Accounts(harness, 60), null, CancellationToken.None))
        {
            Assert.True(result.IsSuccess, result.Error?.ToString());
            seen.Add(result.Account);
        }

        Assert.Equal(60, seen.Count);
        Assert.InRange(harness.Fake("undrctrl").MaxConcurrentRequests, 2, 4);
    }

    [Fact]
    public async Task CheckManyAsync_ConsumerStopsEarly_StopsTheRemainingChecks()
    {
        await using var harness = await CheckerHarness.StartAsync(options => options.MaxConcurrency = 2);

        await foreach (var result in harness.Checker.CheckManyAsync(Accounts(harness, 1000), null, CancellationToken.None))
        {
            break;
        }

        // Leaving the loop disposed the enumerator, which waited for the checks under way: no request can come any more.
        Assert.InRange(harness.Fake("undrctrl").Requests.Count, 1, 10);
    }

    [Fact]
    public async Task CheckAsync_Result_CarriesRetrievalTimeAndDurationFromTheTimeProvider()
    {
        var time = new ManualTimeProvider();
        await using var harness = await CheckerHarness.StartAsync(timeProvider: time);

        var result = await harness.CheckAsync("lumenfall");

        Assert.Equal(time.GetUtcNow(), result.Balance!.RetrievedAt);
        Assert.Equal(TimeSpan.Zero, result.Duration);
    }

    [Fact]
    public async Task CheckAsync_Outcomes_AreCountedOnTheContainersMeter()
    {
        await using var harness = await CheckerHarness.StartAsync();
        var scope = harness.Services.GetRequiredService<IMeterFactory>();
        harness.Fake("antgst").Enqueue(FakeResponse.Json(200, """{"msg":"auth secret error!","code":-22}"""));
        var outcomes = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == scope
                    && instrument.Meter.Name == BalanceTelemetry.Name
                    && instrument.Name == "balances.checks")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (outcomes)
            {
                outcomes.Add(string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")));
            }
        });
        listener.Start();

        await harness.CheckAsync("antgst");
        await harness.CheckAsync("antgst");

        Assert.Equal(
            ["provider=antgst,account=default,outcome=unauthorized", "provider=antgst,account=default,outcome=success"], outcomes);
    }

    private static async IAsyncEnumerable<BalanceAccount> Accounts(CheckerHarness harness, int count)
    {
        var credentials = harness.Account("undrctrl").Credentials;
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new BalanceAccount("undrctrl", $"account-{i:D4}", credentials);
        }
    }

    [Fact]
    public async Task EnsureSuccess_FailedCheck_ThrowsBalanceExceptionWithTheError()
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake("antgst").Enqueue(FakeResponse.Json(200, """{"msg":"auth secret error!","code":-22}"""));

        var failed = await harness.CheckAsync("antgst");
        var succeeded = await harness.CheckAsync("antgst");

        var exception = Assert.Throws<BalanceException>(() => failed.EnsureSuccess());
        Assert.Same(failed.Error, exception.Error);
        Assert.Equal("unauthorized (HTTP 200, provider code -22): auth secret error!", exception.Message);
        Assert.Equal(-18.383m, succeeded.EnsureSuccess().Primary!.Amount);
    }
}
