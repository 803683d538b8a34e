using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Benchmarks;

/// <summary>1,000 and 10,000 accounts streamed through the aggregator against a loopback fake, 32 at a time.</summary>
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    private FakeProviderServer? _fakes;
    private ServiceProvider? _services;
    private IBalanceChecker _checker = null!;
    private BalanceAccount _template = null!;

    /// <summary>How many accounts one run checks.</summary>
    [Params(1_000, 10_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var options = BalanceClientsConfiguration.Read(null, _fakes.Environment);
        options.MaxConcurrency = 32;
        options.Timeout = TimeSpan.FromMinutes(10);
        _services = new ServiceCollection().AddBalanceClients(options).BuildServiceProvider();
        _checker = _services.GetRequiredService<IBalanceChecker>();
        _template = options.Accounts.Single(a => a.Provider == "undrctrl");
        _fakes["undrctrl"].RecordsRequests = false;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services!.DisposeAsync();
        await _fakes!.DisposeAsync();
    }

    [Benchmark(Description = "stream N accounts")]
    public async Task<int> Stream()
    {
        var ok = 0;
        await foreach (var result in _checker.CheckManyAsync(ScaleRun.Accounts(_template, Accounts), null, CancellationToken.None))
        {
            ok += result.IsSuccess ? 1 : 0;
        }

        return ok;
    }
}
