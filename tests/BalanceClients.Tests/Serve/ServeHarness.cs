using BalanceClients.Cli;
using BalanceClients.FakeProviders;
using BalanceClients.Monitoring;
using BalanceClients.Tests.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// <c>balances serve</c> run in-process on a loopback port the system picks, against the fake providers, with a manual clock
/// that only the test moves: the monitor checks when the test says the time has come, and on nothing else.
/// </summary>
internal sealed class ServeHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task<int> _run;
    private readonly StringWriter _error;

    private ServeHarness(
        FakeProviderServer fakes,
        ManualTimeProvider time,
        CancellationTokenSource stop,
        Task<int> run,
        StringWriter error,
        IServiceProvider services)
    {
        Fakes = fakes;
        Time = time;
        _stop = stop;
        _run = run;
        _error = error;
        Services = services;
        Monitor = services.GetRequiredService<BalanceMonitor>();
        var address = services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = Bounded.Limit };
    }

    public FakeProviderServer Fakes { get; }

    public ManualTimeProvider Time { get; }

    public BalanceMonitor Monitor { get; }

    /// <summary>The server's services.</summary>
    public IServiceProvider Services { get; }

    public HttpClient Http { get; }

    /// <summary>What the tool wrote to standard error so far.</summary>
    public string Error => _error.ToString();

    /// <summary>Every request the fakes received, over all providers.</summary>
    public int ProviderRequests => Fakes.Providers.Values.Sum(provider => provider.Requests.Count);

    /// <summary>
    /// Starts the fakes and <c>balances serve --listen 127.0.0.1:0</c> with <paramref name="args"/> (and <c>--no-store</c> unless
    /// they name a <c>--store</c>), and waits until it serves and its monitor has taken its first turn (the first account
    /// checked; the others are due over the next seconds).
    /// </summary>
    /// <param name="args">More arguments for <c>balances serve</c>.</param>
    /// <param name="environment">More environment variables, beside those that point every provider at the fakes.</param>
    public static async Task<ServeHarness> StartAsync(string[]? args = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var time = new ManualTimeProvider();
        var fakes = await FakeProviderServer.StartAsync(time, CancellationToken.None);
        var variables = new Dictionary<string, string?>(fakes.Environment);
        foreach (var provider in ProviderInfo.All)
        {
            variables[$"Balances__Providers__{provider.Id}__Resilience__MaxRetries"] = "0";
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        var serving = new TaskCompletionSource<IServiceProvider>(TaskCreationOptions.RunContinuationsAsynchronously);
        var error = new StringWriter();
        var console = new CliConsole(new MemoryStream(), TextWriter.Synchronized(error), variables, isTerminal: false)
        {
            Clock = time,
            Serving = serving.SetResult,
        };
        var stop = new CancellationTokenSource();
        args ??= [];
        string[] store = args.Contains("--store") ? [] : ["--no-store"];
        var run = BalancesCommand.RunAsync(["serve", "--listen", "127.0.0.1:0", .. store, .. args], console, stop.Token);
        var first = await Task.WhenAny(serving.Task, run).WithinLimit("balances serve to start");
        if (first == run)
        {
            await fakes.DisposeAsync();
            stop.Dispose();
            throw new InvalidOperationException($"balances serve exited {await run} before serving: {error}");
        }

        var harness = new ServeHarness(fakes, time, stop, run, error, await serving.Task);
        await harness.Monitor.WhenIdleAsync().WithinLimit("the monitor's first turn");
        return harness;
    }

    /// <summary>Moves the clock forward a second at a time, letting the monitor finish what each second makes due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var step = TimeSpan.FromSeconds(1);
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            Time.Advance(step < by - moved ? step : by - moved);
            await Monitor.WhenIdleAsync().WithinLimit($"the monitor to be idle at {Time.GetUtcNow():HH:mm:ss}");
        }
    }

    /// <summary>Lets every account's first check happen.</summary>
    public Task CheckEveryAccountAsync() => AdvanceAsync(TimeSpan.FromSeconds(10));

    public async Task<(int Status, string Body, string? ContentType)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>Stops the server as a signal would, and returns its exit status.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run.WithinLimit("balances serve to stop");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }

        Http.Dispose();
        _stop.Dispose();
        await Fakes.DisposeAsync();
    }
}
