using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BalanceClients.Tests.Testing;

/// <summary>The fake providers and a monitor of them, on one manual clock that only the test moves.</summary>
internal sealed class MonitorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private MonitorHarness(
        FakeProviderServer fakes,
        ManualTimeProvider time,
        ServiceProvider services,
        IConfigurationRoot configuration,
        CapturingLoggerProvider logs)
    {
        Fakes = fakes;
        Time = time;
        _services = services;
        Configuration = configuration;
        Logs = logs;
        Monitor = services.GetRequiredService<BalanceMonitor>();
    }

    public FakeProviderServer Fakes { get; }

    public ManualTimeProvider Time { get; }

    public BalanceMonitor Monitor { get; }

    public IConfigurationRoot Configuration { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _services;

    /// <summary>
    /// Starts the fakes (answering on the manual clock, as <paramref name="answers"/> sets them) and the monitor, and waits until its
    /// first turn is done, unless a check of that turn is slower than the clock allows.
    /// </summary>
    public static async Task<MonitorHarness> StartAsync(
        Func<FakeProviderServer, IReadOnlyDictionary<string, string?>>? environment = null,
        Action<BalanceCheckerOptions>? checker = null,
        Action<BalanceMonitorOptions>? monitor = null,
        Action<IServiceCollection>? services = null,
        Action<FakeProviderServer>? answers = null)
    {
        var time = new ManualTimeProvider();
        var fakes = await FakeProviderServer.StartAsync(time, CancellationToken.None);
        answers?.Invoke(fakes);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection()
            .AddBalanceEnvironmentVariables((environment ?? (f => f.Environment))(fakes))
            .Build();
        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<TimeProvider>(time)
            .AddBalanceMonitor(configuration)
            .Configure<BalanceCheckerOptions>(options =>
            {
                foreach (var provider in ProviderInfo.All)
                {
                    options.GetProvider(provider.Id).Resilience.MaxRetries = 0;
                }

                checker?.Invoke(options);
            })
            .Configure<BalanceMonitorOptions>(options => monitor?.Invoke(options));
        services?.Invoke(collection);
        var harness = new MonitorHarness(fakes, time, collection.BuildServiceProvider(), configuration, logs);

        // A store's election (AddBalanceHistory) is run as a host would, before the monitor starts.
        foreach (var leadership in harness._services.GetServices<IHostedService>().OfType<StoreLeadership>())
        {
            await leadership.StartingAsync(CancellationToken.None);
        }

        await harness.Monitor.StartAsync(CancellationToken.None);
        if (answers is null)
        {
            await harness.Monitor.WhenIdleAsync().WithinLimit("the monitor's first turn");
        }

        return harness;
    }

    /// <summary>Moves the clock forward step by step, letting the monitor finish what each step makes due.</summary>
    public async Task AdvanceAsync(TimeSpan by, TimeSpan? step = null)
    {
        var size = step ?? TimeSpan.FromSeconds(1);
        for (var moved = TimeSpan.Zero; moved < by; moved += size)
        {
            Time.Advance(size < by - moved ? size : by - moved);
            await Monitor.WhenIdleAsync().WithinLimit($"the monitor to be idle at {Time.GetUtcNow():HH:mm:ss}");
        }
    }

    public int Requests(string providerId) => Fakes[providerId].Requests.Count;

    public BalanceReading Reading(string providerId) => Monitor.Readings.Single(reading => reading.Provider == providerId);

    public async ValueTask DisposeAsync()
    {
        await Monitor.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        await Fakes.DisposeAsync();
    }
}
