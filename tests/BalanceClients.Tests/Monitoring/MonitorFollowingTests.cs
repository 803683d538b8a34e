using BalanceClients.Monitoring;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.Monitoring;

/// <summary>
/// A monitor that does not lead, on a manual clock: it starts no check and serves the store's latest readings, read again every
/// few seconds; once it leads it takes the schedule over from them, each account due one interval after its latest reading; a
/// leader that stops leading starts no further check.
/// </summary>
public sealed class MonitorFollowingTests
{
    private static readonly string[] Providers = [.. ProviderInfo.All.Select(p => p.Id)];

    [Fact]
    public async Task Following_StartsNoCheckAndServesTheStoresReadingsReadAgainWithinFiveSeconds()
    {
        var (leadership, stored) = (new SwitchedLeadership(leads: false), new StoredReadings());
        var start = new ManualTimeProvider().GetUtcNow();
        stored.Readings = [.. Providers.Take(4).Select(p => Reading(p, start.AddSeconds(-100), 10m))];
        await using var harness = await StartAsync(leadership, stored);

        Assert.Equal(Providers.Take(4), harness.Monitor.Readings.Select(r => r.Provider));
        Assert.False(harness.Monitor.IsReady);

        stored.Readings = [.. Providers.Select(p => Reading(p, start, 20m))];
        await harness.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.True(harness.Monitor.IsReady);
        Assert.All(harness.Monitor.Readings, r => Assert.Equal(20m, r.LastGood!.Primary!.Amount));
        Assert.Equal(3, harness.Monitor.Readings[0].CheckCounts["success"]);
        await harness.AdvanceAsync(TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(5));
        Assert.All(Providers, id => Assert.Equal(0, harness.Requests(id)));
        Assert.InRange(stored.Reads, 20 * 60 / 5, (20 * 60 / 2) + 5);
    }

    [Fact]
    public async Task TakingOver_EachAccountIsDueOneIntervalAfterItsLatestReadingNotAllAtOnce()
    {
        var (leadership, stored) = (new SwitchedLeadership(leads: false), new StoredReadings());
        var start = new ManualTimeProvider().GetUtcNow();
        stored.Readings = [.. Providers.Select(p => Reading(p, start.AddSeconds(p == "telnyx" ? -400 : -100), 10m))];
        await using var harness = await StartAsync(leadership, stored);

        leadership.Set(leads: true);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, harness.Requests("telnyx"));
        Assert.All(Providers.Where(p => p != "telnyx"), id => Assert.Equal(0, harness.Requests(id)));
        Assert.True(harness.Monitor.IsReady);
        Assert.Equal(4, harness.Reading("telnyx").CheckCounts["success"]);

        await harness.AdvanceAsync(TimeSpan.FromSeconds(190));
        Assert.All(Providers, id => Assert.Equal(1, harness.Requests(id)));
        Assert.Contains(harness.Logs.Lines, line => line.Contains("takes the schedule over", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeaderThatStopsLeading_StartsNoFurtherCheckAndKeepsServingTheLastReadings()
    {
        var (leadership, stored) = (new SwitchedLeadership(leads: true), new StoredReadings { Fails = true });
        await using var harness = await StartAsync(leadership, stored);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.True(harness.Monitor.IsReady);
        var served = harness.Monitor.Readings;

        leadership.Set(leads: false);
        await harness.AdvanceAsync(TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(5));

        Assert.All(Providers, id => Assert.Equal(1, harness.Requests(id)));
        Assert.Same(served, harness.Monitor.Readings);

        stored.Fails = false;
        stored.Readings = served;
        leadership.Set(leads: true);
        await harness.AdvanceAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));
        Assert.All(Providers, id => Assert.Equal(2, harness.Requests(id)));
    }

    [Fact]
    public async Task Following_TheAccountsChangeButNotTheStore_ServesAndIsReadyForTheAccountsConfiguredNow()
    {
        var (leadership, stored) = (new SwitchedLeadership(leads: false), new StoredReadings());
        var start = new ManualTimeProvider().GetUtcNow();
        stored.Readings = [.. Providers.Select(p => Reading(p, start.AddSeconds(-100), 10m))];
        AccountsSwitch? accounts = null;
        await using var harness = await MonitorHarness.StartAsync(services: s => s
            .AddSingleton<IMonitorLeadership>(leadership)
            .AddSingleton<IStoredReadings>(stored)
            .AddSingleton<IBalanceChecker>(
                provider => accounts = new AccountsSwitch(ActivatorUtilities.CreateInstance<BalanceChecker>(provider))));
        await harness.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.True(harness.Monitor.IsReady);
        var all = accounts!.Accounts;

        accounts.Accounts = [.. all.Where(account => account.Provider != "telnyx")];
        await harness.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("telnyx", harness.Monitor.Readings.Select(r => r.Provider));
        Assert.True(harness.Monitor.IsReady);

        accounts.Accounts = [.. all, all[0] with { Name = "another" }];
        await harness.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Contains("telnyx", harness.Monitor.Readings.Select(r => r.Provider));
        Assert.False(harness.Monitor.IsReady);
    }

    private static Task<MonitorHarness> StartAsync(SwitchedLeadership leadership, StoredReadings stored) =>
        MonitorHarness.StartAsync(services: s => s.AddSingleton<IMonitorLeadership>(leadership).AddSingleton<IStoredReadings>(stored));

    private static BalanceReading Reading(string provider, DateTimeOffset at, decimal amount)
    {
        var kind = ProviderInfo.Find(provider)!.PrimaryKind;
        var balance = new AccountBalance(provider, "default", [new BalanceAmount(kind, amount, "USD", true)], null, at);
        return new BalanceReading(new BalanceCheckResult(provider, "default", balance, null, TimeSpan.Zero), balance, at)
        {
            CheckCounts = new Dictionary<string, long> { ["success"] = 3 },
        };
    }

    private sealed class SwitchedLeadership(bool leads) : IMonitorLeadership
    {
        private volatile bool _leads = leads;

        public event EventHandler? LeadershipChanged;

        public bool IsLeader => _leads;

        public void Set(bool leads)
        {
            _leads = leads;
            LeadershipChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    private sealed class StoredReadings : IStoredReadings
    {
        public IReadOnlyList<BalanceReading> Readings { get; set; } = [];

        public bool Fails { get; set; }

        public int Reads { get; private set; }

        public Task<IReadOnlyList<BalanceReading>?> ReadLatestAsync(CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult(Fails ? null : Readings);
        }
    }
}
