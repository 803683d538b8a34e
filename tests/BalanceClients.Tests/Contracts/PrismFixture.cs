using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Contracts;

/// <summary>One Prism mock server per spec, shared by a test class; if one fails to start, those that did are stopped.</summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private readonly IReadOnlyList<string> _providerIds;
    private readonly Func<string, Task<PrismServer>> _start;
    private readonly Dictionary<string, PrismServer> _servers = [];

    public PrismFixture()
        : this([.. ProviderInfo.All.Select(p => p.Id)], providerId => PrismServer.StartAsync(RepoPaths.Spec(providerId)))
    {
    }

    /// <summary>A fixture for these providers, whose servers <paramref name="start"/> starts: the seam for a failing start.</summary>
    internal PrismFixture(IReadOnlyList<string> providerIds, Func<string, Task<PrismServer>> start)
    {
        _providerIds = providerIds;
        _start = start;
    }

    internal PrismServer this[string providerId] => _servers[providerId];

    public async Task InitializeAsync()
    {
        var starts = _providerIds.Select(async id => (Id: id, Server: await _start(id))).ToList();
        var all = Task.WhenAll(starts);
        try
        {
            await all;
        }
        catch
        {
            // Every start has ended by now, one way or the other: stop those that succeeded, then report every failure.
            await StopAsync(starts.Where(start => start.IsCompletedSuccessfully).Select(start => start.Result.Server));
            throw all.Exception!;
        }

        foreach (var (id, server) in all.Result)
        {
            _servers[id] = server;
        }
    }

    public Task DisposeAsync()
    {
        var servers = _servers.Values.ToList();
        _servers.Clear();
        return StopAsync(servers);
    }

    // Every server is stopped even when stopping one fails.
    private static Task StopAsync(IEnumerable<PrismServer> servers) =>
        Task.WhenAll(servers.Select(server => server.DisposeAsync().AsTask()));
}
