using BalanceClients.Monitoring;

namespace BalanceClients.Cli.Serve;

/// <summary>
/// Gives the memory of the start back once: every account's first check comes in one burst (a thousand accounts in the first
/// seconds), whose garbage the collector frees but keeps committed. Once the monitor is ready, one aggressive collection
/// returns it to the system; from then on a serve process holds what its readings need.
/// </summary>
internal static class StartupMemory
{
    /// <summary>Collects once, aggressively, when the monitor first becomes ready.</summary>
    /// <param name="monitor">The monitor.</param>
    public static void ReleaseWhenReady(IBalanceMonitor monitor)
    {
        var released = 0;
        monitor.ReadingChanged += (_, _) =>
        {
            if (monitor.IsReady && Interlocked.Exchange(ref released, 1) == 0)
            {
                ThreadPool.QueueUserWorkItem(_ => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true));
            }
        };
    }
}
