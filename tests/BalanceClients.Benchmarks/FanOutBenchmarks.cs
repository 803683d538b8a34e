using BenchmarkDotNet.Attributes;

namespace BalanceClients.Benchmarks;

/// <summary>
/// Five providers, each answering after a fixed delay (the slowest after 200 ms): a check takes about the slowest, not the sum.
/// </summary>
[MemoryDiagnoser]
public class FanOutBenchmarks
{
    private static readonly Dictionary<string, int> DelaysMs = new(StringComparer.Ordinal)
    {
        ["antgst"] = 50,
        ["lumenfall"] = 100,
        ["mesh"] = 200,
        ["telnyx"] = 150,
        ["undrctrl"] = 75,
    };

    private CheckerHost _host = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = await CheckerHost.StartAsync();
        foreach (var (provider, delay) in DelaysMs)
        {
            _host.Fakes[provider].Default = _host.Fakes[provider].Success with { Delay = TimeSpan.FromMilliseconds(delay) };
        }
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _host.DisposeAsync().AsTask();

    [Benchmark(Description = "five providers, slowest 200 ms (sum 575 ms)")]
    public Task<IReadOnlyList<BalanceCheckResult>> CheckAll() => _host.Checker.CheckAllAsync(CancellationToken.None);
}
