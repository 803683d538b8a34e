using System.Diagnostics;

namespace BalanceClients.Benchmarks;

/// <summary>
/// `scale`: accounts per second and peak memory of the streaming aggregator, each count in a fresh state, measured by sampling
/// the GC heap while the accounts stream (BenchmarkDotNet reports allocations, not peaks).
/// </summary>
internal static class ScaleRun
{
    public static async IAsyncEnumerable<BalanceAccount> Accounts(BalanceAccount template, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return template with { Name = $"account-{i:D6}" };
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>A host for scale runs: 32 checks at a time, a long deadline, and a fake that keeps no record of requests.</summary>
    public static async Task<CheckerHost> StartHostAsync()
    {
        var host = await CheckerHost.StartAsync(options =>
        {
            options.MaxConcurrency = 32;
            options.Timeout = TimeSpan.FromMinutes(10);
        });
        host.Fakes["undrctrl"].RecordsRequests = false;
        return host;
    }

    public static async Task RunAsync(int[] counts)
    {
        Console.WriteLine("| accounts | seconds | accounts/s | peak live heap (MiB) | peak working set (MiB) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var count in counts)
        {
            await using var host = await StartHostAsync();
            var checker = host.Checker;
            var template = host.Account("undrctrl");
            await StreamAsync(checker, template, 200, sampleEvery: 0);

            // Throughput first, undisturbed; then the same run again, sampling the live heap (after a full collection) as it streams.
            var stopwatch = Stopwatch.StartNew();
            await StreamAsync(checker, template, count, sampleEvery: 0);
            stopwatch.Stop();
            var (peakLive, peakWorkingSet) = await StreamAsync(checker, template, count, sampleEvery: Math.Max(count / 20, 50));

            var seconds = stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine(
                $"| {count:N0} | {seconds:F2} | {count / seconds:N0} | {peakLive / 1048576.0:F1} | {peakWorkingSet / 1048576.0:F1} |");
        }
    }

    private static async Task<(long PeakLive, long PeakWorkingSet)> StreamAsync(
        IBalanceChecker checker,
        BalanceAccount template,
        int count,
        int sampleEvery)
    {
        long peakLive = 0, peakWorkingSet = 0;
        var ok = 0;
        using var process = Process.GetCurrentProcess();
        await foreach (var result in checker.CheckManyAsync(Accounts(template, count), null, CancellationToken.None))
        {
            ok += result.IsSuccess ? 1 : 0;
            if (sampleEvery > 0 && ok % sampleEvery == 0)
            {
                peakLive = Math.Max(peakLive, GC.GetTotalMemory(forceFullCollection: true));
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
            }
        }

        return ok == count ? (peakLive, peakWorkingSet) : throw new InvalidOperationException($"{count - ok} of {count} checks failed");
    }
}
