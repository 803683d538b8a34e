using BalanceClients.Configuration;
using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalanceClients.Tests.DependencyInjection;

public sealed class AddBalanceHistoryTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AddBalanceHistory_WithTheMonitor_RecordsEveryAmountOfEveryReading()
    {
        var file = Path.Combine(_folder.Path, "state", "balances.db");
        var observed = new ObservedReadings();
        await using (var harness = await MonitorHarness.StartAsync(
            services: s => s.AddBalanceHistory(o => o.Path = file).AddSingleton<IBalanceReadingObserver>(observed)))
        {
            await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
            await harness.AdvanceAsync(TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(30));
        }

        List<StoredReading> expected = [.. observed.Readings.SelectMany(reading => reading.Latest.Balance!.Amounts.Select(
            amount => new StoredReading(reading.Latest.Balance.RetrievedAt, reading.Provider, reading.Account, amount.Kind, amount.Currency,
                amount.Amount)))];

        Assert.Equal(10, expected.Select(r => (r.Provider, r.Time)).Distinct().Count());
        await using var store = await BalanceStore.OpenAsync(file);
        var recorded = await store.ReadAsync().ToListAsync();
        Assert.Equal(expected.OrderBy(Key, StringComparer.Ordinal), recorded.OrderBy(Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task AddBalanceHistory_StoreThatCannotBeOpened_LogsOneLinePerReadingAndTheMonitorGoesOn()
    {
        var file = _folder.File("notes.db");
        await File.WriteAllTextAsync(file, "not a database");

        await using var harness = await MonitorHarness.StartAsync(services: s => s.AddBalanceHistory(o => o.Path = file));
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.True(harness.Monitor.IsReady);
        await harness.Logs.WaitForLinesAsync($"was not recorded: {file} is not a SQLite database; it was left as it is.", 5);
        Assert.DoesNotContain("An observer of readings", harness.Logs.AllText, StringComparison.Ordinal);
        Assert.Equal("not a database", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task HostStart_StoreThatCannotBeOpened_FailsWithTheStoresOneLineBeforeAnyServiceStarts()
    {
        // A service registered before the history (as AddBalanceMonitor usually is) must not start, or its first checks would log
        // "not recorded" lines around the one line that says why the host cannot start.
        var first = new StartRecorder();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IHostedService>(first).AddBalanceHistory(o => o.Path = _folder.Path);
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<BalanceStoreException>(() => host.StartAsync());

        Assert.Equal(
            ($"{_folder.Path} is a folder, not a SQLite database; it was left as it is.", false),
            (exception.Message, first.Started));
    }

    [Fact]
    public async Task Retention_RunsEveryDayOnTheHostsClock()
    {
        var time = new ManualTimeProvider();
        var file = _folder.File();
        await using var services = HistoryServices(file, time, o => o.RawRetention = TimeSpan.FromHours(1));
        await StartAsync(services);
        var store = await services.GetRequiredService<BalanceHistory>().GetStoreAsync();
        var now = time.GetUtcNow();
        await store.ImportAsync(Readings.Series(now - TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(5), 12, i => 100 - i));

        await time.WaitForTimerAsync(TimeSpan.FromDays(1));
        time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(12, (await store.ReadAsync().ToListAsync()).Count);
        time.Advance(TimeSpan.FromHours(1));
        await time.WaitForTimerAsync(TimeSpan.FromDays(1));

        // The hour from 11:05 to 12:00 is thinned to its last reading; 12:00 itself is the next hour's.
        var kept = await store.ReadAsync().ToListAsync();
        Assert.Equal([(now - TimeSpan.FromMinutes(5), 90m), (now, 89m)], kept.Select(r => (r.Time, r.Amount!.Value)));
    }

    [Fact]
    public async Task Dispose_ClosesTheStore()
    {
        var file = _folder.File();
        var services = HistoryServices(file, TimeProvider.System);
        var store = await services.GetRequiredService<BalanceHistory>().GetStoreAsync();
        await store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 1m));

        await services.DisposeAsync();

        Assert.False(File.Exists(file + "-wal"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 2m)));
    }

    [Fact]
    public void AddBalanceHistory_FromConfiguration_BindsTheHistorySection()
    {
        var configuration = Configuration(new()
        {
            ["Balances:History:Path"] = "/var/lib/balances/balances.db",
            ["Balances:History:RawRetention"] = "30.00:00:00",
            ["Balances:History:RetentionInterval"] = "06:00:00",
        });
        using var services = new ServiceCollection().AddBalanceHistory(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<BalanceHistoryOptions>>().Value;

        Assert.Equal(("/var/lib/balances/balances.db", TimeSpan.FromDays(30), TimeSpan.FromHours(6)),
            (options.Path, options.RawRetention, options.RetentionInterval));
    }

    [Fact]
    public void AddBalanceHistory_CodeAfterConfiguration_Wins()
    {
        var configuration = Configuration(new() { ["Balances:History:Path"] = "/from/configuration.db" });
        using var services = new ServiceCollection()
            .AddBalanceHistory(configuration, o => o.Path = "/from/the/command/line.db")
            .BuildServiceProvider();

        Assert.Equal("/from/the/command/line.db", services.GetRequiredService<IOptions<BalanceHistoryOptions>>().Value.Path);
    }

    [Theory]
    [InlineData("Path", null, "Balances:History:Path is not set: the history needs the path of its store.")]
    [InlineData("RawRetention", "00:30:00", "Balances:History:RawRetention must be at least 1 hour.")]
    [InlineData("RetentionInterval", "00:00:10", "Balances:History:RetentionInterval must be between 1 minute and 7 days.")]
    [InlineData("RetentionInterval", "30", "Balances:History:RetentionInterval '30' is a number of days to .NET: write a time span")]
    [InlineData("RawRetention", "soon", "Balances:History:RawRetention is not a valid time span")]
    public void AddBalanceHistory_BadSetting_IsOneLineNamingTheKey(string key, string? value, string message)
    {
        var settings = new Dictionary<string, string?> { ["Balances:History:Path"] = "/s.db", [$"Balances:History:{key}"] = value };
        using var services = new ServiceCollection().AddBalanceHistory(Configuration(settings)).BuildServiceProvider();

        var exception = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<BalanceHistoryOptions>>().Value);

        Assert.StartsWith(message, Assert.Single(exception is OptionsValidationException invalid ? invalid.Failures : [exception.Message]),
            StringComparison.Ordinal);
        Assert.True(exception is OptionsValidationException or BalanceConfigurationException);
    }

    private sealed class ObservedReadings : IBalanceReadingObserver
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<BalanceReading> _readings = new();

        public IEnumerable<BalanceReading> Readings => _readings;

        public Task OnReadingAsync(BalanceReading reading, CancellationToken cancellationToken = default)
        {
            _readings.Enqueue(reading);
            return Task.CompletedTask;
        }
    }

    private static string Key(StoredReading reading) =>
        $"{reading.Time:O} {reading.Provider} {reading.Account} {reading.Kind} {reading.Currency}";

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static ServiceProvider HistoryServices(string file, TimeProvider time, Action<BalanceHistoryOptions>? configure = null) =>
        new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace))
            .AddSingleton(time)
            .AddBalanceHistory(o =>
            {
                o.Path = file;
                configure?.Invoke(o);
            })
            .BuildServiceProvider();

    // Starts the hosted services as a host does: every lifecycle service's StartingAsync, then every StartAsync.
    private static async Task StartAsync(IServiceProvider services)
    {
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted.OfType<IHostedLifecycleService>())
        {
            await service.StartingAsync(CancellationToken.None);
        }

        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    private sealed class StartRecorder : IHostedService
    {
        public bool Started { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
