using System.Diagnostics;
using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using Microsoft.Extensions.DependencyInjection;

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

    public static async Task RunAsync(int[] counts)
    {
        Console.WriteLine("| accounts | seconds | accounts/s | peak GC heap (MiB) | peak working set (MiB) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var count in counts)
        {
            await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
            var options = BalanceClientsConfiguration.Read(null, fakes.Environment);
            options.MaxConcurrency = 32;
            options.Timeout = TimeSpan.FromMinutes(10);
            await using var services = new ServiceCollection().AddBalanceClients(options).BuildServiceProvider();
            var checker = services.GetRequiredService<IBalanceChecker>();
            var template = options.Accounts.Single(a => a.Provider == "undrctrl");

            await foreach (var _ in checker.CheckManyAsync(Accounts(template, 200), null, CancellationToken.None))
            {
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            long peakHeap = 0;
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var peakWorkingSet = process.WorkingSet64;
            var stopwatch = Stopwatch.StartNew();
            var ok = 0;
            await foreach (var result in checker.CheckManyAsync(Accounts(template, count), null, CancellationToken.None))
            {
                ok += result.IsSuccess ? 1 : 0;
                if (ok % 100 == 0)
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                    process.Refresh();
                    peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                }
            }

            stopwatch.Stop();
            if (ok != count)
            {
                throw new InvalidOperationException($"{count - ok} of {count} checks failed");
            }

            Console.WriteLine($"| {count:N0} | {stopwatch.Elapsed.TotalSeconds:F2} | {count / stopwatch.Elapsed.TotalSeconds:N0} | {peakHeap / 1048576.0:F1} | {peakWorkingSet / 1048576.0:F1} |");
        }
    }
}
