using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Benchmarks;

/// <summary>Five providers, each answering after a fixed delay (the slowest after 200 ms): a check takes about the slowest, not the sum.</summary>
[MemoryDiagnoser]
public class FanOutBenchmarks
{
    private static readonly Dictionary<string, int> DelaysMs = new(StringComparer.Ordinal) { ["antgst"] = 50, ["lumenfall"] = 100, ["mesh"] = 200, ["telnyx"] = 150, ["undrctrl"] = 75 };
    private FakeProviderServer? _fakes;
    private ServiceProvider? _services;
    private IBalanceChecker _checker = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        foreach (var (provider, delay) in DelaysMs)
        {
            _fakes[provider].Default = _fakes[provider].Success with { Delay = TimeSpan.FromMilliseconds(delay) };
        }

        _services = new ServiceCollection().AddBalanceClients(BalanceClientsConfiguration.Read(null, _fakes.Environment)).BuildServiceProvider();
        _checker = _services.GetRequiredService<IBalanceChecker>();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services!.DisposeAsync();
        await _fakes!.DisposeAsync();
    }

    [Benchmark(Description = "five providers, slowest 200 ms (sum 575 ms)")]
    public Task<IReadOnlyList<BalanceCheckResult>> CheckAll() => _checker.CheckAllAsync(CancellationToken.None);
}
