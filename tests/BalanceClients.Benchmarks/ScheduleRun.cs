using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BalanceClients.FakeProviders;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BalanceClients.Benchmarks;

/// <summary>
/// `schedule ACCOUNTS PER-SECOND FACTOR ROUNDS [STORE]`: the monitor with ACCOUNTS accounts spread over the five providers, a limit
/// of PER-SECOND requests a second per provider and the default 300 s interval, on a clock FACTOR times faster than real time,
/// for ROUNDS intervals. Every provider answers from a stub with its success example (the pipeline, limits and adapters run;
/// the network does not). With STORE (a new SQLite file or an empty PostgreSQL database), the history records every reading as
/// <c>balances serve</c> does (its hosted services run: the store, its election, the recorder). Reports whether the schedule held,
/// each provider's busiest second, memory and CPU per account, and the readings the store holds at the end.
/// </summary>
internal static class ScheduleRun
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public static async Task RunAsync(int accounts, double perSecond, double factor, int rounds, string? store = null)
    {
        var clock = new ScaledTimeProvider(factor);
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddBalanceEnvironmentVariables(fakes.Environment).Build();
        var stubs = fakes.Providers.Keys.ToDictionary(
            id => id, id => new RecordingStubHandler(CheckerHost.SuccessBody(fakes, id), clock), StringComparer.Ordinal);
        var templates = BalanceServicesAccounts(configuration);

        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        await using var provider = Services(configuration, clock, templates, accounts / templates.Count, perSecond, stubs, store);
        var monitor = provider.GetRequiredService<BalanceMonitor>();
        var checks = new ConcurrentDictionary<(string, string), List<DateTimeOffset>>();
        var failures = 0;
        monitor.ReadingChanged += (_, e) =>
        {
            var list = checks.GetOrAdd((e.Reading.Provider, e.Reading.Account), _ => []);
            lock (list)
            {
                list.Add(e.Reading.CheckedAt);
            }

            if (!e.Reading.Latest.IsSuccess)
            {
                Interlocked.Increment(ref failures);
            }
        };

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var start = clock.GetUtcNow();
        var hosted = provider.GetServices<IHostedService>().ToList();
        await StartAsync(hosted);

        var (lags, heapAfterFirstRound) = await WatchAsync(monitor, clock, start + (Interval * rounds), factor);

        var cpu = process.TotalProcessorTime - cpuBefore;
        process.Refresh();
        var workingSet = process.WorkingSet64;
        await StopAsync(hosted);

        var measured = new Measured(checks, failures, stubs, lags, heapAfterFirstRound - heapBefore, workingSet, cpu);
        Report(measured, accounts / templates.Count * templates.Count, perSecond, rounds);
        if (store is not null)
        {
            Console.WriteLine($"store {store}: {await RecordedAsync(store)}");
        }

        Console.WriteLine($"simulated {rounds} x {Interval.TotalSeconds} s at {factor}x: {(clock.GetUtcNow() - start).TotalSeconds:F0} s");
    }

    // What the store holds at the end, counted in SQL (the store's API streams every reading, which is not what is measured here).
    private static async Task<string> RecordedAsync(string store)
    {
        const string Sql = "SELECT (SELECT count(*) FROM {0}readings) || ' readings recorded; ' || (SELECT count(*) FROM {0}latest) "
            + "|| ' accounts in latest'";
        if (!PostgreSqlLocation.IsUri(store))
        {
            await using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = string.Format(CultureInfo.InvariantCulture, Sql, string.Empty);
            return (string)(await command.ExecuteScalarAsync())!;
        }

        await using var source = PostgreSqlStore.DataSource(PostgreSqlLocation.Parse(store));
        await using var count = source.CreateCommand(string.Format(CultureInfo.InvariantCulture, Sql, "balances_"));
        return (string)(await count.ExecuteScalarAsync())!;
    }

    // As a host starts its services: every one's StartingAsync (the store's election), then StartAsync, then StartedAsync.
    private static async Task StartAsync(List<IHostedService> hosted)
    {
        var lifecycles = hosted.OfType<IHostedLifecycleService>().ToList();
        foreach (var service in lifecycles)
        {
            await service.StartingAsync(CancellationToken.None);
        }

        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        foreach (var service in lifecycles)
        {
            await service.StartedAsync(CancellationToken.None);
        }
    }

    // As a host stops them: in reverse order, StoppingAsync, StopAsync, then StoppedAsync.
    private static async Task StopAsync(List<IHostedService> hosted)
    {
        var reversed = Enumerable.Reverse(hosted).ToList();
        var lifecycles = reversed.OfType<IHostedLifecycleService>().ToList();
        foreach (var service in lifecycles)
        {
            await service.StoppingAsync(CancellationToken.None);
        }

        foreach (var service in reversed)
        {
            await service.StopAsync(CancellationToken.None);
        }

        foreach (var service in lifecycles)
        {
            await service.StoppedAsync(CancellationToken.None);
        }
    }

    // The schedule lag every 10 s on the clock until the end, and the live heap once the first interval has passed.
    private static async Task<(List<(double At, double Lag)> Lags, long Heap)> WatchAsync(
        BalanceMonitor monitor, TimeProvider clock, DateTimeOffset end, double factor)
    {
        var start = clock.GetUtcNow();
        var lags = new List<(double At, double Lag)>();
        long heapAfterFirstRound = 0;
        while (clock.GetUtcNow() < end)
        {
            await Task.Delay(TimeSpan.FromSeconds(10) / factor);
            var at = (clock.GetUtcNow() - start).TotalSeconds;
            lags.Add((at, monitor.ScheduleLag.TotalSeconds));
            if (heapAfterFirstRound == 0 && at >= Interval.TotalSeconds)
            {
                heapAfterFirstRound = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        return (lags, heapAfterFirstRound);
    }

    private static ServiceProvider Services(
        IConfiguration configuration,
        TimeProvider clock,
        IReadOnlyList<BalanceAccount> templates,
        int perProvider,
        double perSecond,
        Dictionary<string, RecordingStubHandler> stubs,
        string? store)
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddBalanceMonitor(configuration)
            .Configure<BalanceClients.Configuration.BalanceCheckerOptions>(options =>
            {
                foreach (var template in templates)
                {
                    options.GetProvider(template.Provider).RateLimit.RequestsPerSecond = perSecond;
                    for (var i = 1; i < perProvider; i++)
                    {
                        options.Accounts.Add(template with { Name = $"a{i:D6}" });
                    }
                }
            });
        foreach (var (id, stub) in stubs)
        {
            services.AddHttpClient(HttpClientNames.For(id)).ConfigurePrimaryHttpMessageHandler(() => stub);
        }

        if (store is not null)
        {
            services.AddBalanceHistory(options => options.Path = store);
        }

        return services.BuildServiceProvider();
    }

    private static void Report(Measured m, int configured, double perSecond, int rounds)
    {
        var (checks, lags) = (m.Checks, m.Lags);
        var total = checks.Values.Sum(list => list.Count);
        Console.WriteLine($"accounts: {configured:N0} configured, {checks.Count:N0} checked; checks: {total:N0}; failed: {m.Failures}");
        Gaps(checks);
        foreach (var (id, stub) in m.Stubs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var busiest = Busiest(stub.Arrivals, Stopwatch.Frequency);
            Console.WriteLine(
                $"{id}: {stub.Arrivals.Count:N0} requests; busiest 1 s window: {busiest} (limit {perSecond}); "
                + $"most at once: {stub.MaxInFlight}");
        }

        var steady = lags.Where(lag => lag.At >= Interval.TotalSeconds).Select(lag => lag.Lag).DefaultIfEmpty(0).ToList();
        var firstRound = lags.Where(l => l.At < Interval.TotalSeconds).Select(l => l.Lag).DefaultIfEmpty(0).Max();
        Console.WriteLine($"schedule lag: first round max {firstRound:F1} s; after it max {steady.Max():F1} s, last {steady[^1]:F1} s");
        var heap = m.Heap;
        Console.WriteLine(
            $"memory: live heap {heap / 1048576.0:F1} MiB ({heap / (double)configured:F0} B per configured account); "
            + $"working set {m.WorkingSet / 1048576.0:F0} MiB");
        Console.WriteLine(
            $"cpu: {m.Cpu.TotalSeconds:F1} s for {total:N0} checks = {m.Cpu.TotalMilliseconds * 1000 / total:F0} µs per check; "
            + $"{m.Cpu.TotalMilliseconds / configured / rounds:F3} ms per account per 300 s interval");
    }

    private sealed record Measured(
        ConcurrentDictionary<(string, string), List<DateTimeOffset>> Checks,
        int Failures,
        Dictionary<string, RecordingStubHandler> Stubs,
        List<(double At, double Lag)> Lags,
        long Heap,
        long WorkingSet,
        TimeSpan Cpu);

    // The accounts of the contract's variables: one default account per provider, each the template of its provider's accounts.
    private static IReadOnlyList<BalanceAccount> BalanceServicesAccounts(IConfiguration configuration)
    {
        using var provider = new ServiceCollection().AddBalanceClients(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IBalanceChecker>().Accounts;
    }

    // Gaps between one account's checks after its first: each should be the interval ±10 % (its jitter), plus any lag.
    private static void Gaps(ConcurrentDictionary<(string, string), List<DateTimeOffset>> checks)
    {
        var gaps = checks.Values
            .SelectMany(list => list.Order().Zip(list.Order().Skip(1), (a, b) => (b - a).TotalSeconds))
            .Order()
            .ToList();
        if (gaps.Count == 0)
        {
            Console.WriteLine("gaps: none (fewer than two rounds)");
            return;
        }

        var within = gaps.Count(gap => gap is >= 270 - 1 and <= 330 + 1);
        var once = checks.Values.Count(list => list.Count >= 1);
        Console.WriteLine(
            $"gaps between checks of one account: {gaps.Count:N0}; min {gaps[0]:F1} s, median {gaps[gaps.Count / 2]:F1} s, "
            + $"max {gaps[^1]:F1} s; within 270-330 s (±1 s): {100.0 * within / gaps.Count:F2} %; accounts checked: {once:N0}");
    }

    private static int Busiest(IEnumerable<long> arrivals, long frequency)
    {
        var sorted = arrivals.Order().ToArray();
        var (best, first) = (0, 0);
        for (var last = 0; last < sorted.Length; last++)
        {
            while (sorted[last] - sorted[first] >= frequency)
            {
                first++;
            }

            best = Math.Max(best, last - first + 1);
        }

        return best;
    }
}
