using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Contracts;

/// <summary>One Prism mock server per spec, shared by a test class.</summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private readonly Dictionary<string, PrismServer> _servers = [];

    internal PrismServer this[string providerId] => _servers[providerId];

    public async Task InitializeAsync()
    {
        var starts = ProviderInfo.All.Select(async p => (p.Id, Server: await PrismServer.StartAsync(p.Id))).ToList();
        foreach (var (id, server) in await Task.WhenAll(starts))
        {
            _servers[id] = server;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }
    }
}
