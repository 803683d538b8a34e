using BenchmarkDotNet.Attributes;

namespace BalanceClients.Benchmarks;

/// <summary>1,000 and 10,000 accounts streamed through the aggregator against a loopback fake, 32 at a time.</summary>
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    private CheckerHost _host = null!;

    /// <summary>How many accounts one run checks.</summary>
    [Params(1_000, 10_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public async Task SetupAsync() => _host = await ScaleRun.StartHostAsync();

    [GlobalCleanup]
    public Task CleanupAsync() => _host.DisposeAsync().AsTask();

    [Benchmark(Description = "stream N accounts")]
    public async Task<int> Stream()
    {
        var ok = 0;
        var accounts = ScaleRun.Accounts(_host.Account("undrctrl"), Accounts);
        await foreach (var result in _host.Checker.CheckManyAsync(accounts, null, CancellationToken.None))
        {
            ok += result.IsSuccess ? 1 : 0;
        }

        return ok;
    }
}
