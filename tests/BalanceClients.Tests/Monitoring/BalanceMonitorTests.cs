using System.Diagnostics.Metrics;
using BalanceClients.FakeProviders;
using BalanceClients.Monitoring;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.Monitoring;

/// <summary>
/// The monitor's schedule on a manual clock: spread first checks, intervals, one check at a time, back-off, stale readings.
/// </summary>
public sealed class BalanceMonitorTests
{
    private static readonly string[] Providers = [.. ProviderInfo.All.Select(p => p.Id)];

    [Fact]
    public async Task Start_FirstChecks_AreSpreadOverTheFirstSecondsAndTheMonitorBecomesReady()
    {
        await using var harness = await MonitorHarness.StartAsync();
        Assert.False(harness.Monitor.IsReady);
        Assert.Single(harness.Monitor.Readings);

        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.True(harness.Monitor.IsReady);
        Assert.Equal(Providers, harness.Monitor.Readings.Select(r => r.Provider));
        Assert.All(Providers, id => Assert.Equal(1, harness.Requests(id)));
        Assert.Equal(5, harness.Monitor.Readings.Select(r => r.CheckedAt).Distinct().Count());
    }

    [Fact]
    public async Task Interval_EachAccount_IsCheckedOncePerIntervalAndOnNothingElse()
    {
        await using var harness = await MonitorHarness.StartAsync();

        await harness.AdvanceAsync(TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(5));
        Assert.All(Providers, id => Assert.Equal(1, harness.Requests(id)));
        await harness.AdvanceAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5));
        Assert.All(Providers, id => Assert.Equal(2, harness.Requests(id)));
    }

    [Fact]
    public async Task ProviderInterval_OverridesTheDefault()
    {
        await using var harness = await MonitorHarness.StartAsync(
            monitor: options => options.ProviderIntervals["telnyx"] = TimeSpan.FromMinutes(1));

        await harness.AdvanceAsync(TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(5));

        Assert.InRange(harness.Requests("telnyx"), 4, 5);
        Assert.Equal(1, harness.Requests("mesh"));
    }

    [Fact]
    public async Task FailedCheck_KeepsTheLastGoodAmountsMarkedStale()
    {
        await using var harness = await MonitorHarness.StartAsync();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
        var firstSuccess = harness.Reading("telnyx").CheckedAt;
        harness.Fakes["telnyx"].Default = FakeResponse.Text(503, "down");

        await harness.AdvanceAsync(TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(5));

        var telnyx = harness.Reading("telnyx");
        Assert.True(telnyx.IsStale);
        Assert.Equal((BalanceErrorKind.Unavailable, BalanceLevel.Unknown), (telnyx.Latest.Error!.Kind, telnyx.Level));
        Assert.Equal(400.00m, telnyx.LastGood!.Primary!.Amount);
        Assert.Equal(firstSuccess, telnyx.LastSuccessAt);
        Assert.True(telnyx.CheckedAt > firstSuccess);
    }

    [Fact]
    public async Task RateLimitedWithRetryAfter_PushesTheAccountsNextCheckBack()
    {
        await using var harness = await MonitorHarness.StartAsync(
            checker: options => options.GetProvider("mesh").Resilience.MaxRetryAfter = TimeSpan.Zero);
        var retryAfter = new Dictionary<string, string> { ["Retry-After"] = "1800" };
        harness.Fakes["mesh"].Enqueue(FakeResponse.Text(429, null) with { Headers = retryAfter });
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(BalanceErrorKind.RateLimited, harness.Reading("mesh").Latest.Error!.Kind);

        await harness.AdvanceAsync(TimeSpan.FromMinutes(25), TimeSpan.FromSeconds(30));
        Assert.Equal(1, harness.Requests("mesh"));
        Assert.InRange(harness.Requests("telnyx"), 5, 7);
        await harness.AdvanceAsync(TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(30));
        Assert.Equal(2, harness.Requests("mesh"));
    }

    [Fact]
    public async Task RepeatedFailures_BackOff()
    {
        await using var harness = await MonitorHarness.StartAsync(monitor: options => options.Interval = TimeSpan.FromSeconds(10));
        harness.Fakes["lumenfall"].Default = FakeResponse.Text(500, "oops");

        await harness.AdvanceAsync(TimeSpan.FromSeconds(100));

        Assert.InRange(harness.Requests("lumenfall"), 3, 4);
        Assert.InRange(harness.Requests("telnyx"), 9, 11);
    }

    [Fact]
    public async Task SlowCheck_IsNeverOverlappedByTheSameAccountsNextOne()
    {
        await using var harness = await MonitorHarness.StartAsync(
            environment: fakes => Only(fakes, "mesh"),
            checker: options =>
            {
                options.Timeout = TimeSpan.FromMinutes(5);
                options.GetProvider("mesh").Resilience.AttemptTimeout = TimeSpan.FromMinutes(5);
            },
            monitor: options => options.Interval = TimeSpan.FromSeconds(10),
            answers: fakes => fakes["mesh"].Default = fakes["mesh"].Success with { Delay = TimeSpan.FromSeconds(95) });
        await harness.Fakes["mesh"].WaitForRequestsAsync(1, CancellationToken.None).WithinLimit("the first mesh request");
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(95));

        harness.Time.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(1, harness.Requests("mesh"));
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await harness.Monitor.WhenIdleAsync().WithinLimit("the slow check to end");

        Assert.Equal(1, harness.Requests("mesh"));
        Assert.False(harness.Reading("mesh").IsStale);
        harness.Fakes["mesh"].Default = harness.Fakes["mesh"].Success;
        await harness.AdvanceAsync(TimeSpan.FromSeconds(12));
        Assert.Equal(2, harness.Requests("mesh"));
    }

    [Fact]
    public async Task AccountAddedByAReloadedConfiguration_IsCheckedSoon()
    {
        await using var harness = await MonitorHarness.StartAsync();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));

        harness.Configuration["Balances:Providers:telnyx:Accounts:eu:ApiKey"] = "demo-telnyx-api-key";
        harness.Configuration.Reload();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(["default", "eu"], harness.Monitor.Readings.Where(r => r.Provider == "telnyx").Select(r => r.Account));
    }

    [Fact]
    public async Task AccountDropped_LosesItsReadingAndItsTurns_AndAddedAgainIsCheckedAfresh()
    {
        AccountsSwitch? accounts = null;
        await using var harness = await MonitorHarness.StartAsync(services: s => s.AddSingleton<IBalanceChecker>(
            provider => accounts = new AccountsSwitch(ActivatorUtilities.CreateInstance<BalanceChecker>(provider))));
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
        var all = accounts!.Accounts;

        accounts.Accounts = [.. all.Where(account => account.Provider != "telnyx")];
        await harness.AdvanceAsync(TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(5));

        Assert.True(harness.Monitor.IsReady);
        Assert.DoesNotContain("telnyx", harness.Monitor.Readings.Select(r => r.Provider));
        Assert.Equal(1, harness.Requests("telnyx"));
        Assert.Equal(2, harness.Requests("mesh"));

        accounts.Accounts = all;
        await harness.AdvanceAsync(TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(5));

        Assert.True(harness.Monitor.IsReady);
        Assert.InRange(harness.Requests("telnyx"), 2, 3);
        Assert.Equal(Providers, harness.Monitor.Readings.Select(r => r.Provider));
    }

    [Fact]
    public async Task Observers_GetEveryReading_AndOneThatFailsStopsNothing()
    {
        var observer = new RecordingObserver();
        await using var harness = await MonitorHarness.StartAsync(services: s => s
            .AddSingleton<IBalanceReadingObserver>(new FailingObserver())
            .AddSingleton<IBalanceReadingObserver>(observer));

        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Providers, observer.Readings.Select(r => r.Provider).Order(StringComparer.Ordinal));
        Assert.Contains("An observer of readings (FailingObserver) failed", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadingChanged_IsRaisedAfterEachCheck()
    {
        await using var harness = await MonitorHarness.StartAsync();
        var changed = new List<string>();
        harness.Monitor.ReadingChanged += (_, e) =>
        {
            lock (changed)
            {
                changed.Add(e.Reading.Provider);
            }
        };

        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4, changed.Count);
    }

    [Fact]
    public async Task Gauges_ExportEveryAmountAndLevel()
    {
        await using var harness = await MonitorHarness.StartAsync(
            checker: options => options.Thresholds.Add(new BalanceThreshold { Provider = "telnyx", Warning = 1000 }));
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
        var scope = harness.Services.GetRequiredService<IMeterFactory>();
        var amounts = new List<(double Value, string Tags)>();
        var levels = new List<(int Value, string Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == scope && instrument.Name is "balances.amount" or "balances.level")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => amounts.Add((value, Tags(tags))));
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => levels.Add((value, Tags(tags))));
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Contains((400.0, "telnyx/default/available_credit/USD/true"), amounts);
        Assert.Contains((1000.92, "undrctrl/default/balance/IDR/true"), amounts);
        Assert.Contains((1, "telnyx/default"), levels);
        Assert.Contains((0, "mesh/default"), levels);
    }

    [Fact]
    public async Task Stop_WithACheckInFlight_EndsPromptly()
    {
        await using var harness = await MonitorHarness.StartAsync(
            environment: fakes => Only(fakes, "undrctrl"),
            answers: fakes => fakes["undrctrl"].Default = fakes["undrctrl"].Success with { Delay = TimeSpan.FromHours(1) });
        await harness.Fakes["undrctrl"].WaitForRequestsAsync(1, CancellationToken.None).WithinLimit("the undrctrl request");

        await harness.Monitor.StopAsync(CancellationToken.None).WithinLimit("the monitor to stop");

        Assert.Empty(harness.Monitor.Readings);
    }

    private static Dictionary<string, string?> Only(FakeProviderServer fakes, string provider) =>
        fakes.Environment.Where(pair => pair.Key.StartsWith(provider.ToUpperInvariant() + "_", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags) => string.Join('/', tags.ToArray().Select(t => t.Value));

    // A checker whose accounts a test changes at will (configuration can add an account but not take one away again).
    private sealed class RecordingObserver : IBalanceReadingObserver
    {
        private readonly List<BalanceReading> _readings = [];

        public IReadOnlyList<BalanceReading> Readings
        {
            get
            {
                lock (_readings)
                {
                    return [.. _readings];
                }
            }
        }

        public Task OnReadingAsync(BalanceReading reading, CancellationToken cancellationToken = default)
        {
            lock (_readings)
            {
                _readings.Add(reading);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class FailingObserver : IBalanceReadingObserver
    {
        public Task OnReadingAsync(BalanceReading reading, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the store is full");
    }
}
