using BalanceClients.FakeProviders;

namespace BalanceClients.Benchmarks;

/// <summary>
/// The five fake providers in a process of their own, for whole-process timings of clients (startup.sh): prints the
/// contract's variables that point at them as <c>export NAME='value'</c> lines, then <c>ready</c>, and serves until its
/// standard input closes.
/// </summary>
internal static class FakeProvidersHost
{
    public static async Task RunAsync()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        foreach (var provider in fakes.Providers.Values)
        {
            provider.RecordsRequests = false;
        }

        foreach (var (name, value) in fakes.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"export {name}='{value}'");
        }

        Console.WriteLine("ready");
        await Console.In.ReadToEndAsync();
    }
}
